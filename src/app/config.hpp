// Configuration: built-in defaults < config file < environment (KREDO_*) < command-line flags.
// The file is "key = value" lines (# comments): db, listen, threads, web_root, secure_cookies, log_level,
// data_key_file. The data key itself may come from the environment (KREDO_DATA_KEY, base64) but
// never from the file or the database.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/error.hpp"

namespace kredo::app {

struct Config {
  std::string db = "sqlite:var/kredo.db";
  std::string listen = "127.0.0.1:8080";
  int threads = 64;
  std::string web_root = "web/dist";
  bool secure_cookies = false;
  std::string log_level = "info";
  std::string data_key_file;  // empty: KREDO_DATA_KEY, else the generated development key
  std::string data_key;       // base64, from KREDO_DATA_KEY only
};

// Flags given on the command line (unset ones stay nullopt).
struct ConfigOverrides {
  std::optional<std::string> config_file;
  std::optional<std::string> db;
  std::optional<std::string> listen;
  std::optional<int> threads;
  std::optional<std::string> web_root;
  std::optional<std::string> data_key_file;
};

// env: the process environment as a map (injectable for tests). The file comes from the
// --config flag, else KREDO_CONFIG, else ./kredo.conf when it exists.
Result<Config> load_config(const ConfigOverrides& flags, const std::map<std::string, std::string>& env);
std::map<std::string, std::string> process_environment();

// "127.0.0.1:8080" -> host, port; errors name the value.
Result<std::pair<std::string, int>> parse_listen(const std::string& listen);

}  // namespace kredo::app
