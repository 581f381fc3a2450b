// The browser app, served from --web: only regular files under that folder, with their MIME types.
#include <climits>
#include <cstring>
#include <cstdlib>
#include <sys/stat.h>

#include "server_app.h"
#include "session/session.h"

namespace kalan::server {

namespace {

std::string mime_type(const std::string& path) {
  static const std::pair<const char*, const char*> table[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".wasm", "application/wasm"},
      {".css", "text/css; charset=utf-8"}, {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"}, {".webmanifest", "application/manifest+json"},
      {".ttf", "font/ttf"}, {".woff2", "font/woff2"}};
  for (const auto& [ext, type] : table) {
    const size_t n = std::strlen(ext);
    if (path.size() > n && path.compare(path.size() - n, n, ext) == 0) return type;
  }
  return "application/octet-stream";
}

// True when the (already percent-decoded) path has no "..", ".", empty-name tricks, backslashes or NULs.
bool safe_path(const std::string& path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string seg = path.substr(start, end - start);
    if (seg == ".." || seg == "." || (seg.empty() && end != path.size())) return false;
    if (!seg.empty() && seg[0] == '.') return false;  // no hidden files
    start = end + 1;
  }
  return true;
}

}  // namespace

void App::routes_static() {
  std::string root;
  if (!options_.web.empty()) {
    char buf[PATH_MAX];
    if (realpath(options_.web.c_str(), buf)) root = buf;
  }
  http_.Get(R"(/.*)", [this, root](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 || req.path.rfind("/c/", 0) == 0)
      return send_error(res, req, 404, "http_not_found", {req.path});
    if (!limiter_.allow("static:" + req.remote_addr)) return send_error(res, req, 429, "http_rate_limited");
    // httplib has percent-decoded the path already: "%2e%2e" arrives here as "..".
    if (!safe_path(req.path) || req.target.find("%00") != std::string::npos)
      return send_error(res, req, 400, "http_bad_path", {req.path});
    if (root.empty()) return send_error(res, req, 404, "http_not_found", {req.path});
    std::string rel = req.path == "/" ? "/index.html" : req.path;
    char buf[PATH_MAX];
    const std::string wanted = root + rel;
    // realpath resolves symbolic links: the file must still be inside the root.
    if (!realpath(wanted.c_str(), buf)) return send_error(res, req, 404, "http_not_found", {req.path});
    const std::string real = buf;
    struct stat st {};
    if (real.rfind(root + "/", 0) != 0 || stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
      return send_error(res, req, 404, "http_not_found", {req.path});
    auto content = read_file(real);
    if (!content) return send_error(res, req, 404, "http_not_found", {req.path});
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(*content), mime_type(real));
  });
  http_.set_default_headers({{"X-Frame-Options", "DENY"}, {"Referrer-Policy", "same-origin"}});
}

}  // namespace kalan::server
