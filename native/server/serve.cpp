#include "server.h"

#include <arpa/inet.h>
#include <csignal>
#include <ifaddrs.h>
#include <net/if.h>
#include <ostream>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <fstream>
#include <thread>

#include "server_app.h"
#include "secret.h"
#include "session/session.h"

namespace kalan {

namespace {

const char* kServeUsage =
    "Usage : kalan serve [--port 8080] [--data DOSSIER] [--scenario FICHIER] [--lan] [--web DOSSIER]\n"
    "                    [--rate N] [--threads N] [--sync full|normal]\n"
    "  --data      base SQLite (défaut : ./kalan-data)\n"
    "  --scenario  scénario de la salle créée au premier démarrage (défaut : mopti-atelier intégré)\n"
    "  --lan       écoute sur le réseau local (sinon 127.0.0.1 seulement)\n"
    "  --web       dossier de l'application web (défaut : build/web/app)\n"
    "  --rate      requêtes par seconde et par client (défaut : 100, rafales de 2×)\n"
    "  --sync      full (défaut) : chaque lot est sur disque avant la réponse, même en cas de coupure\n"
    "              de courant ; normal : plus rapide, résiste à l'arrêt brutal du programme seulement\n";

bool parse(const std::vector<std::string>& args, server::ServeOptions& o, std::string& error) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) {
        error = "option " + a + " : valeur manquante";
        return "";
      }
      return args[++i];
    };
    auto number = [&](long lo, long hi) -> long {
      const std::string v = value();
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (error.empty() && (v.empty() || *end || n < lo || n > hi))
        error = "option " + a + " : nombre de " + std::to_string(lo) + " à " + std::to_string(hi) + " attendu";
      return n;
    };
    if (a == "--port") o.port = static_cast<int>(number(1, 65535));
    else if (a == "--data") o.data = value();
    else if (a == "--scenario") o.scenario = value();
    else if (a == "--web") o.web = value();
    else if (a == "--lan") o.lan = true;
    else if (a == "--sync") {
      const std::string v = value();
      if (v == "full" || v == "normal") o.full_sync = v == "full";
      else if (error.empty()) error = "option --sync : full ou normal attendu";
    }
    else if (a == "--rate") o.rate = static_cast<double>(number(1, 1000000)), o.burst = 2 * o.rate;
    else if (a == "--threads") o.threads = static_cast<size_t>(number(4, 4096));
    else error = "option inconnue : " + a;
    if (!error.empty()) return false;
  }
  return true;
}

bool has_index(const std::string& dir) { return access((dir + "/index.html").c_str(), R_OK) == 0; }

// The web build next to the binary (build/native/kalan → build/web/app), or under the current folder.
std::string default_web_dir() {
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    const std::string dir = exe.substr(0, exe.rfind('/'));
    for (const char* rel : {"/../web/app", "/web/app", "/../share/kalan/web"})
      if (has_index(dir + rel)) return dir + rel;
  }
  return has_index("build/web/app") ? "build/web/app" : "";
}

// The trainer token survives restarts (a trainer's open page keeps working); delete the file to change it.
std::string trainer_token(const std::string& dir) {
  const std::string path = dir + "/trainer.token";
  if (auto t = read_file(path)) {
    std::string token = *t;
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
    if (token.size() == 32) return token;
  }
  const std::string token = server::random_hex(16);
  std::string why;
  if (!write_file_atomic(path, token + "\n", &why)) throw std::runtime_error(why);
  chmod(path.c_str(), 0600);
  return token;
}

std::vector<std::string> lan_addresses() {
  std::vector<std::string> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return out;
  for (ifaddrs* a = list; a; a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET || (a->ifa_flags & IFF_LOOPBACK) || !(a->ifa_flags & IFF_UP))
      continue;
    char host[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, host, sizeof host);
    out.push_back(std::string(host) + " (" + a->ifa_name + ")");
  }
  freeifaddrs(list);
  return out;
}

}  // namespace

int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  server::ServeOptions o;
  std::string error;
  if (!parse(args, o, error)) {
    err << "kalan serve : " << error << "\n" << kServeUsage;
    return 2;
  }
  if (o.web.empty()) o.web = default_web_dir();
  // SIGINT/SIGTERM are taken by one thread (sigwait), so that stopping is not done inside a handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  try {
    mkdir(o.data.c_str(), 0700);
    const std::string token = trainer_token(o.data);
    server::App app(o, token);
    for (const auto& p : app.load()) err << "kalan serve : ATTENTION " << p << "\n";
    app.ensure_default_room(out);
    const std::string host = o.lan ? "0.0.0.0" : "127.0.0.1";
    if (!app.bind(host)) {
      err << "kalan serve : impossible d'écouter sur " << host << ":" << o.port << "\n";
      return 1;
    }
    const std::string url = "http://127.0.0.1:" + std::to_string(o.port) + "/";
    out << "Kalan — serveur d'atelier (SANDBOX — données fictives)\n";
    out << "  application : " << url << (o.web.empty() ? "  (application web absente : API seulement)" : "") << "\n";
    out << "  jeton formateur : " << token << "\n";
    out << "  salle par défaut : " << app.default_room()->row.code << "\n";
    out << "  données : " << o.data << "/kalan.db\n";
    if (o.lan) {
      out << "  adresses à donner aux participants :\n";
      for (const auto& a : lan_addresses())
        out << "    http://" << a.substr(0, a.find(' ')) << ":" << o.port << "/  " << a.substr(a.find(' ') + 1) << "\n";
    }
    out.flush();
    std::thread stopper([&app, stop_signals] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      app.stop();
    });
    const bool ok = app.serve();
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    err << "kalan serve : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace kalan
