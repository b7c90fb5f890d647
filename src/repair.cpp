// Repair of garbled text: being written (issue 4).
#include "skaz/repair.hpp"
