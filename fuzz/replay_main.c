/* A main() for the fuzz targets in builds without libFuzzer (GCC): every
 * file given is one input, and with --lines each of its lines is one more
 * (the JSONL data sets hold one case a line). The first byte of a line-input
 * is the selector byte the targets read, cycled so that every selector
 * value is exercised. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size);

static unsigned char* read_file(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  unsigned char* buf = (unsigned char*)malloc(cap);
  for (size_t got; (got = fread(buf + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) buf = (unsigned char*)realloc(buf, cap *= 2);
  }
  fclose(f);
  *size = n;
  return buf;
}

int main(int argc, char** argv) {
  int lines = 0;
  size_t inputs = 0;
  unsigned selector = 0;
  for (int i = 1; i < argc; ++i) {
    if (strcmp(argv[i], "--lines") == 0) {
      lines = 1;
      continue;
    }
    size_t size = 0;
    unsigned char* data = read_file(argv[i], &size);
    if (!data) {
      fprintf(stderr, "replay: cannot read %s\n", argv[i]);
      return 1;
    }
    LLVMFuzzerTestOneInput(data, size);
    ++inputs;
    if (lines) {
      unsigned char* buf = (unsigned char*)malloc(size + 2);
      for (size_t a = 0; a < size;) {
        size_t b = a;
        while (b < size && data[b] != '\n') ++b;
        buf[0] = (unsigned char)(selector++ * 37u);
        memcpy(buf + 1, data + a, b - a);
        LLVMFuzzerTestOneInput(buf, b - a + 1);
        ++inputs;
        a = b + 1;
      }
      free(buf);
    }
    free(data);
  }
  printf("replay: %zu inputs, no finding\n", inputs);
  return 0;
}
