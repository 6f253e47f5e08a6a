// The built kredo binary run as a user runs it, for the command-line tests: its exit code and output.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <sstream>
#include <string>

namespace kredo::testing {

struct KredoRun {
  int code = -1;
  std::string out;
};

enum class Stderr { merge, discard };

// Runs `kredo <args>` (shell-quoted by the caller); stderr is merged into `out` or discarded; `input`, when not
// empty, is given to it as one line on stdin.
inline KredoRun run_kredo(const std::string& args, Stderr err = Stderr::merge, const std::string& input = "") {
  // Built with a stream: GCC 12 at -O2 reports a false array-bounds warning on chained string '+'.
  std::ostringstream c;
  if (!input.empty()) c << "printf '%s\\n' '" << input << "' | ";
  c << KREDO_BINARY << ' ' << args << (err == Stderr::merge ? " 2>&1" : " 2>/dev/null");
  KredoRun run;
  FILE* pipe = popen(c.str().c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  const int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace kredo::testing
