// skaz analyze --jsonl with --jobs N.
//
// The main thread reads lines and writes results; N workers parse and
// analyse (with one job, the main thread does it all). Results are written
// strictly in input order from a window of at most 8 chunks of 16 lines per
// worker (and 64 MB of text), so memory is bounded whatever the input size,
// and a fatal error stops the run right after the last line before it was
// written.
#include "batch.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "report.hpp"

namespace skaz::cli {

namespace {

// One input line.
struct Line {
  std::string where;  // input:line
  std::string text;
};

// Lines go to the workers in chunks: a wake-up per document would cost more
// than a short news article takes to analyse.
struct Job {
  std::size_t seq = 0;
  std::vector<Line> lines;
  std::size_t bytes = 0;
};

struct Result {
  std::string out;    // the output line(s)
  std::string error;  // set when the line is bad
};

struct Done {
  std::vector<Result> results;  // one per line of the job
  std::size_t bytes = 0;
};

// One line of JSONL to its output (or an error naming the line).
Result process(const Pipeline& pipeline, const BatchOptions& o, const Line& job) {
  Result r;
  nlohmann::json rec;
  try {
    rec = nlohmann::json::parse(job.text);
  } catch (const nlohmann::json::parse_error& e) {
    r.error = job.where + ": not a JSON object (byte " + std::to_string(e.byte) + "): " + e.what();
    return r;
  }
  if (!rec.is_object() || !rec.contains("text") || !rec["text"].is_string()) {
    r.error = job.where + ": expected an object with a string \"text\"";
    return r;
  }
  std::string lang;
  if (rec.contains("lang") && rec["lang"].is_string()) lang = rec["lang"].get<std::string>();
  const std::string& text = rec["text"].get_ref<const std::string&>();
  auto doc = pipeline.analyze(text, lang);
  if (!doc) {
    r.error = job.where + ": " + doc.err().message;
    return r;
  }
  if (o.text_format) {
    r.out = render_text(doc.value(), job.where);
    return r;
  }
  // "id" first, then the analysis object.
  const std::string body = to_json(doc.value(), JsonOptions{o.json.unit, false, o.json.tokens});
  r.out = "{\"id\":";
  r.out += rec.contains("id") ? rec["id"].dump() : "null";
  if (body.size() > 2) {
    r.out += ',';
    r.out.append(body, 1, std::string::npos);
  } else {
    r.out += '}';
  }
  if (o.pretty) r.out = nlohmann::ordered_json::parse(r.out).dump(2);
  r.out.push_back('\n');
  return r;
}

class Runner {
 public:
  // One job runs in the calling thread, as -j1 means elsewhere (make,
  // xargs); more jobs get a pool of that many workers.
  Runner(const Pipeline& p, const BatchOptions& o) : pipeline_(p), o_(o) {
    const unsigned n = o.jobs == 0 ? 1 : o.jobs;
    window_ = 8 * static_cast<std::size_t>(n);
    if (n > 1)
      for (unsigned i = 0; i < n; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Runner() { stop(); }

  // Queues one line; writes whatever is ready, in order. False once a
  // fatal error was written (the run must end).
  bool submit(std::string where, std::string line) {
    pending_.bytes += line.size();
    pending_.lines.push_back(Line{std::move(where), std::move(line)});
    if (workers_.empty() || pending_.lines.size() >= kChunkLines || pending_.bytes >= kChunkBytes)
      return flush();
    return true;
  }

  // Waits for every queued line and writes it. False after a fatal error.
  bool finish() {
    if (!pending_.lines.empty() && !flush()) return false;
    std::unique_lock<std::mutex> lock(m_);
    while (!failed_ && written_ < next_seq_) {
      if (!write_ready(lock)) done_cv_.wait(lock);
    }
    return !failed_;
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(m_);
      stopping_ = true;
      if (failed_) jobs_.clear();  // nothing after a fatal error is written
    }
    work_cv_.notify_all();
    for (std::thread& t : workers_)
      if (t.joinable()) t.join();
    workers_.clear();
  }

  std::size_t documents() const { return documents_; }
  std::size_t skipped() const { return skipped_; }
  std::size_t bytes() const { return bytes_done_; }

 private:
  static constexpr std::size_t kMaxBytes = 64u << 20;
  static constexpr std::size_t kChunkLines = 16;
  static constexpr std::size_t kChunkBytes = 256u << 10;

  // Hands the pending chunk over (or, with one job, analyses it here).
  bool flush() {
    Job job = std::move(pending_);
    pending_ = Job{};
    std::unique_lock<std::mutex> lock(m_);
    job.seq = next_seq_++;
    bytes_in_flight_ += job.bytes;
    if (workers_.empty()) {
      lock.unlock();
      Done d = run(job);
      lock.lock();
      done_.emplace(job.seq, std::move(d));
      write_ready(lock);
      return !failed_;
    }
    jobs_.push_back(std::move(job));
    work_cv_.notify_one();
    // bounded: wait while the window is full
    while (!failed_ && (next_seq_ - written_ >= window_ || bytes_in_flight_ > kMaxBytes)) {
      if (!write_ready(lock)) done_cv_.wait(lock);
    }
    write_ready(lock);
    return !failed_;
  }

  void work() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(m_);
        work_cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, nothing left
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Done d = run(job);
      {
        std::lock_guard<std::mutex> lock(m_);
        done_.emplace(job.seq, std::move(d));
      }
      done_cv_.notify_one();
    }
  }

  Done run(const Job& job) {
    Done d;
    d.bytes = job.bytes;
    d.results.reserve(job.lines.size());
    for (const Line& line : job.lines) {
      Result r;
      try {
        r = process(pipeline_, o_, line);
      } catch (const std::bad_alloc&) {
        r.error = line.where + ": out of memory";
      } catch (const std::exception& e) {
        r.error = line.where + ": " + e.what();
      }
      d.results.push_back(std::move(r));
    }
    return d;
  }

  // Writes the results that are next in order; true when it wrote any.
  // Called with the lock held; writes without it.
  bool write_ready(std::unique_lock<std::mutex>& lock) {
    bool any = false;
    for (;;) {
      auto it = done_.find(written_);
      if (it == done_.end() || failed_) return any;
      Done d = std::move(it->second);
      done_.erase(it);
      lock.unlock();
      bool fatal = false;
      std::size_t docs = 0, skipped = 0;
      for (const Result& r : d.results) {
        if (r.error.empty()) {
          std::fwrite(r.out.data(), 1, r.out.size(), stdout);
          ++docs;
        } else if (o_.skip_bad) {
          std::fprintf(stderr, "skaz: %s (skipped)\n", r.error.c_str());
          ++skipped;
        } else {
          std::fprintf(stderr, "skaz: %s\n", r.error.c_str());
          fatal = true;  // nothing after it is written
          break;
        }
      }
      lock.lock();
      failed_ = failed_ || fatal;
      documents_ += docs;
      skipped_ += skipped;
      bytes_done_ += d.bytes;
      bytes_in_flight_ -= d.bytes;
      ++written_;
      any = true;
      if (fatal) return true;
    }
  }



  const Pipeline& pipeline_;
  const BatchOptions& o_;
  std::vector<std::thread> workers_;
  std::mutex m_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Job> jobs_;
  Job pending_;  // the chunk being filled
  std::map<std::size_t, Done> done_;
  std::size_t window_ = 8;
  std::size_t next_seq_ = 0, written_ = 0;
  std::size_t bytes_in_flight_ = 0, bytes_done_ = 0;
  std::size_t documents_ = 0, skipped_ = 0;
  bool failed_ = false, stopping_ = false;
};

// A progress line on a terminal: documents, MB/s and, for files, an ETA.
class Progress {
 public:
  Progress(bool on, std::uint64_t total) : on_(on), total_(total), t0_(clock::now()) {}
  void update(std::size_t docs, std::uint64_t read, bool force = false) {
    if (!on_) return;
    const auto now = clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double s = std::chrono::duration<double>(now - t0_).count();
    const double mbs = s > 0 ? static_cast<double>(read) / 1e6 / s : 0;
    char eta[32] = "";
    if (total_ > read && mbs > 0)
      std::snprintf(eta, sizeof eta, ", ETA %.0f s", static_cast<double>(total_ - read) / 1e6 / mbs);
    std::fprintf(stderr, "\rskaz: %zu documents, %.1f MB, %.1f MB/s%s\033[K", docs,
                 static_cast<double>(read) / 1e6, mbs, eta);
    std::fflush(stderr);
  }
  void clear() {
    if (on_) std::fprintf(stderr, "\r\033[K");
  }
  double seconds() const { return std::chrono::duration<double>(clock::now() - t0_).count(); }

 private:
  using clock = std::chrono::steady_clock;
  bool on_;
  std::uint64_t total_;
  clock::time_point t0_, last_{};
};

}  // namespace

int run_jsonl(const Pipeline& pipeline, const std::vector<std::string>& inputs,
              const BatchOptions& options) {
  std::uint64_t total = 0;
  for (const std::string& path : inputs) {
    struct stat st {};
    if (path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      total += static_cast<std::uint64_t>(st.st_size);
  }
  // one large buffer: fewer write calls from the thread that also reads
  static char outbuf[1 << 20];
  std::setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
  Progress progress(options.progress && ::isatty(2), total);
  Runner runner(pipeline, options);
  std::uint64_t read = 0;
  int status = 0;
  for (const std::string& path : inputs) {
    const std::string name = path == "-" ? "<stdin>" : path;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        runner.finish();  // what the inputs before it gave is written first
        std::fflush(stdout);
        std::fprintf(stderr, "skaz: %s: cannot open file\n", path.c_str());
        status = 1;
        break;
      }
      in = &file;
    }
    std::string line;
    std::size_t lineno = 0;
    bool ok = true;
    while (ok && std::getline(*in, line)) {
      ++lineno;
      read += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      ok = runner.submit(name + ":" + std::to_string(lineno), std::move(line));
      progress.update(runner.documents(), read);
    }
    if (!ok) {
      status = 1;
      break;
    }
    if (in->bad()) {
      if (!runner.finish()) {
        status = 1;
        break;
      }
      std::fprintf(stderr, "skaz: %s: read error\n", name.c_str());
      status = 1;
      break;
    }
  }
  if (status == 0 && !runner.finish()) status = 1;
  runner.stop();
  std::fflush(stdout);
  progress.update(runner.documents(), read, true);
  progress.clear();
  if (options.stats) {
    const double s = progress.seconds();
    std::fprintf(stderr,
                 "skaz analyze: %zu documents, %zu skipped, %.1f MB in %.2f s (%.1f MB/s, %u jobs)\n",
                 runner.documents(), runner.skipped(), static_cast<double>(runner.bytes()) / 1e6, s,
                 s > 0 ? static_cast<double>(runner.bytes()) / 1e6 / s : 0.0,
                 options.jobs == 0 ? 1u : options.jobs);
  }
  return status;
}

}  // namespace skaz::cli
