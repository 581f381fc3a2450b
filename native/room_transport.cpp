#include "room_transport.h"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "core/reader.h"

namespace kalan {

namespace {

// "a%20b" → "a b" (the address's query parameters).
std::string decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

httplib::Headers auth(const std::string& token) {
  httplib::Headers h;
  if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
  return h;
}

}  // namespace

HttpRoomTransport::HttpRoomTransport(const std::string& address) {
  // http://HOST:PORT/...?room=CODE&trainer=TOKEN
  const std::string scheme = "http://";
  if (address.compare(0, scheme.size(), scheme) != 0) return;
  const size_t host_end = address.find_first_of(":/?", scheme.size());
  host_ = address.substr(scheme.size(), host_end - scheme.size());
  port_ = 80;
  if (host_end != std::string::npos && address[host_end] == ':') port_ = std::atoi(address.c_str() + host_end + 1);
  nlohmann::json params = {{"room", ""}, {"name", ""}, {"role", ""}, {"trainer", ""}};
  const size_t q = address.find('?');
  if (q != std::string::npos) {
    std::string query = address.substr(q + 1);
    size_t p = 0;
    while (p <= query.size()) {
      const size_t amp = std::min(query.find('&', p), query.size());
      const std::string pair = query.substr(p, amp - p);
      const size_t eq = pair.find('=');
      if (eq != std::string::npos && params.contains(pair.substr(0, eq))) params[pair.substr(0, eq)] = decode(pair.substr(eq + 1));
      p = amp + 1;
    }
  }
  params_ = params.dump();
}

HttpRoomTransport::~HttpRoomTransport() {
  stop();
  // Requests still running hold the shared queue, not this object; give them a moment to end.
  for (int i = 0; i < 50 && shared_->threads.load() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void HttpRoomTransport::spawn(int read_timeout, std::function<void(Shared&, httplib::Client&)> job) {
  auto shared = shared_;
  ++shared->threads;
  std::thread([shared, host = host_, port = port_, read_timeout, job = std::move(job)] {
    httplib::Client cli(host, port);
    cli.set_connection_timeout(5);
    cli.set_read_timeout(read_timeout);
    job(*shared, cli);
    --shared->threads;
  }).detach();
}

void HttpRoomTransport::probe() {
  spawn(5, [params = params_](Shared& s, httplib::Client& cli) {
    auto r = cli.Get("/api/info");
    Diagnostics ignored;
    auto j = r ? parse_json_text(r->body, ignored) : std::nullopt;
    const bool kalan = r && r->status == 200 && j && j->is_object() && j->value("name", "") == "kalan";
    s.push({"info", params, r ? r->body : "", kalan ? 200 : (r ? 404 : 0)});
  });
}

void HttpRoomTransport::request(const std::string& what, const std::string& method, const std::string& url,
                                const std::string& token, const std::string& body, const std::string& key) {
  spawn(30, [=](Shared& s, httplib::Client& cli) {
    httplib::Result r = method == "POST" ? cli.Post(url.c_str(), auth(token), body, "application/json")
                                         : cli.Get(url.c_str(), auth(token));
    s.push({what, key, r ? r->body : httplib::to_string(r.error()), r ? r->status : 0});
  });
}

void HttpRoomTransport::snapshot(const std::string& code, const std::string& token) {
  spawn(30, [=](Shared& s, httplib::Client& cli) {
    const std::string base = "/api/rooms/" + code;
    auto room = cli.Get(base.c_str(), auth(token));
    if (!room || room->status != 200) return s.push({"snapshot", "", room ? room->body : "", room ? room->status : 0});
    // Pages of up to 5000 commands, spliced as text: {"room": …, "commands": [...]}.
    std::string commands;
    std::int64_t after = 0;
    for (;;) {
      auto page = cli.Get((base + "/commands?after=" + std::to_string(after)).c_str(), auth(token));
      if (!page || page->status != 200) return s.push({"snapshot", "", page ? page->body : "", page ? page->status : 0});
      Diagnostics ignored;
      auto j = parse_json_text(page->body, ignored);
      if (!j || !j->is_object()) return s.push({"snapshot", "", page->body, 0});
      const auto& list = (*j)["commands"];
      for (const auto& c : list) commands += (commands.empty() ? "" : ",") + c.dump();
      if (!j->value("more", false) || list.empty()) break;
      after = list.back().value("seq", after);
    }
    s.push({"snapshot", "", "{\"room\":" + room->body + ",\"commands\":[" + commands + "]}", 200});
  });
}

void HttpRoomTransport::follow(const std::string& code, const std::string& token, double after) {
  stop();
  const int tag = ++shared_->stream_tag;
  const std::string path = "/api/rooms/" + code + "/events?after=" + std::to_string(static_cast<std::int64_t>(after)) +
                           "&token=" + token;
  spawn(40, [=](Shared& s, httplib::Client& cli) {  // the server sends a comment every 15 s
    std::string buffer, event = "message", data;
    auto live = [&] { return s.stream_tag.load() == tag; };
    auto opened_ok = [&](const httplib::Response& res) {  // the headers: the stream is open
      if (res.status == 200 && live()) s.push({"open", "", "", 200});
      return res.status == 200 && live();
    };
    cli.Get(path.c_str(), httplib::Headers{}, opened_ok, [&](const char* bytes, size_t n) {
      if (!live()) return false;
      buffer.append(bytes, n);
      size_t eol;
      while ((eol = buffer.find('\n')) != std::string::npos) {
        std::string line = buffer.substr(0, eol);
        buffer.erase(0, eol + 1);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {  // the end of one event
          if (!data.empty() && live()) s.push({"event", event, data, 200});
          event = "message";
          data.clear();
        } else if (line.rfind("event:", 0) == 0) {
          event = line.substr(line.size() > 6 && line[6] == ' ' ? 7 : 6);
        } else if (line.rfind("data:", 0) == 0) {
          data += (data.empty() ? "" : "\n") + line.substr(line.size() > 5 && line[5] == ' ' ? 6 : 5);
        }
      }
      return true;
    });
    if (live()) s.push({"down", "", "", 0});  // the stream ended or failed: the client decides when to retry
  });
}

void HttpRoomTransport::stop() { ++shared_->stream_tag; }

double HttpRoomTransport::epoch_ms() {
  using namespace std::chrono;
  return static_cast<double>(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) / 1000.0;
}

void HttpRoomTransport::pump() {
  std::deque<Answer> ready;
  {
    std::lock_guard<std::mutex> lock(shared_->mu);
    ready.swap(shared_->answers);
  }
  for (auto& a : ready)
    if (client_) client_->on_answer(a.what, a.status, a.key, a.body);
}

}  // namespace kalan
