#include "app/config.hpp"

#include <filesystem>
#include <fstream>

extern char** environ;

namespace kredo::app {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

Status apply(Config& c, const std::string& key, const std::string& value, const std::string& where) {
  if (key == "db") c.db = value;
  else if (key == "listen") c.listen = value;
  else if (key == "web_root") c.web_root = value;
  else if (key == "log_level") c.log_level = value;
  else if (key == "data_key_file") c.data_key_file = value;
  else if (key == "threads") {
    try {
      c.threads = std::stoi(value);
    } catch (...) {
      return Error::invalid_request(where + ": threads must be a number, not '" + value + "'");
    }
    if (c.threads < 1 || c.threads > 1024) return Error::invalid_request(where + ": threads must be 1 to 1024");
  } else if (key == "secure_cookies") {
    c.secure_cookies = value == "1" || value == "true" || value == "yes";
  } else {
    return Error::invalid_request(where + ": unknown setting '" + key + "'");
  }
  return {};
}

}  // namespace

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv(*e);
    auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

Result<Config> load_config(const ConfigOverrides& flags, const std::map<std::string, std::string>& env) {
  Config c;
  std::string file;
  if (flags.config_file) file = *flags.config_file;
  else if (auto it = env.find("KREDO_CONFIG"); it != env.end()) file = it->second;
  else if (std::filesystem::exists("kredo.conf")) file = "kredo.conf";
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return Error::invalid_request("cannot read config file '" + file + "'");
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::string t = trim(line);
      if (t.empty() || t[0] == '#') continue;
      auto eq = t.find('=');
      if (eq == std::string::npos)
        return Error::invalid_request(file + ":" + std::to_string(n) + ": expected 'key = value'");
      KREDO_TRY(apply(c, trim(t.substr(0, eq)), trim(t.substr(eq + 1)), file + ":" + std::to_string(n)));
    }
  }
  static const std::pair<const char*, const char*> kEnv[] = {
      {"KREDO_DB", "db"}, {"KREDO_LISTEN", "listen"}, {"KREDO_THREADS", "threads"},
      {"KREDO_WEB_ROOT", "web_root"}, {"KREDO_SECURE_COOKIES", "secure_cookies"}, {"KREDO_LOG_LEVEL", "log_level"},
      {"KREDO_DATA_KEY_FILE", "data_key_file"}};
  for (const auto& [var, key] : kEnv)
    if (auto it = env.find(var); it != env.end() && !it->second.empty())
      KREDO_TRY(apply(c, key, it->second, std::string("environment ") + var));
  if (auto it = env.find("KREDO_DATA_KEY"); it != env.end()) c.data_key = it->second;
  if (flags.db) c.db = *flags.db;
  if (flags.data_key_file) {  // the flag wins over KREDO_DATA_KEY
    c.data_key_file = *flags.data_key_file;
    c.data_key.clear();
  }
  if (flags.listen) c.listen = *flags.listen;
  if (flags.threads) KREDO_TRY(apply(c, "threads", std::to_string(*flags.threads), "--threads"));
  if (flags.web_root) c.web_root = *flags.web_root;
  return c;
}

Result<std::pair<std::string, int>> parse_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return Error::invalid_request("--listen must be HOST:PORT, e.g. 127.0.0.1:8080 (got '" + listen + "')");
  int port = -1;
  try {
    std::size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1) port = -1;
  } catch (...) {
    port = -1;
  }
  if (port < 0 || port > 65535)
    return Error::invalid_request("--listen has no valid port in '" + listen + "' (0 to 65535)");
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return std::make_pair(host, port);
}

}  // namespace kredo::app
