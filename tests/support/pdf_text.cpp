#include "support/pdf_text.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/test_db.hpp"

namespace kredo::testing {

std::string pdf_text(const std::string& pdf) {
  static std::atomic<int> counter{0};
  static const std::string dir = make_temp_dir();
  const std::string path = dir + "/doc-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  std::string out;
  FILE* p = popen(("pdftotext -enc UTF-8 '" + path + "' - 2>&1").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  std::remove(path.c_str());
  return out;
}

std::string compare_golden(const std::string& path, const std::string& text) {
  const char* update = std::getenv("KREDO_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << text;
    return "";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "missing golden file " + path + " (run with KREDO_UPDATE_GOLDEN=1 to create it)";
  std::stringstream ss;
  ss << in.rdbuf();
  if (ss.str() == text) return "";
  return "differs from " + path + "\n--- expected ---\n" + ss.str() + "\n--- actual ---\n" + text;
}

}  // namespace kredo::testing
