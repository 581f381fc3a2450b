// The browser's room transport: fetch and EventSource in web/room.js. Its answers come back through the
// exported kalan_room_cb (web/main_web.cpp) to RoomClient::on_answer.
#include "room_transport_web.h"

#include <emscripten.h>

namespace kalan::web {

namespace {

EM_JS(void, js_room_probe, (), { if (window.kalanRoom) window.kalanRoom.probe(); });
EM_JS(void, js_room_request,
      (const char* what, const char* method, const char* url, const char* token, const char* body, const char* key), {
        window.kalanRoom.request(UTF8ToString(what), UTF8ToString(method), UTF8ToString(url), UTF8ToString(token),
                                 UTF8ToString(body), UTF8ToString(key));
      });
EM_JS(void, js_room_snapshot, (const char* code, const char* token),
      { window.kalanRoom.snapshot(UTF8ToString(code), UTF8ToString(token)); });
EM_JS(void, js_room_follow, (const char* code, const char* token, double after),
      { window.kalanRoom.follow(UTF8ToString(code), UTF8ToString(token), after); });
EM_JS(void, js_room_stop, (), { window.kalanRoom.stop(); });
EM_JS(void, js_room_remember, (const char* code, const char* token),
      { window.kalanRoom.remember(UTF8ToString(code), UTF8ToString(token)); });
// Wall-clock milliseconds, comparable between pages (sync latency figures in debug()).
EM_JS(double, js_epoch_ms, (), { return performance.timeOrigin + performance.now(); });

}  // namespace

void WebRoomTransport::probe() { js_room_probe(); }

void WebRoomTransport::request(const std::string& what, const std::string& method, const std::string& url,
                               const std::string& token, const std::string& body, const std::string& key) {
  js_room_request(what.c_str(), method.c_str(), url.c_str(), token.c_str(), body.c_str(), key.c_str());
}

void WebRoomTransport::snapshot(const std::string& code, const std::string& token) {
  js_room_snapshot(code.c_str(), token.c_str());
}

void WebRoomTransport::follow(const std::string& code, const std::string& token, double after) {
  js_room_follow(code.c_str(), token.c_str(), after);
}

void WebRoomTransport::stop() { js_room_stop(); }

double WebRoomTransport::epoch_ms() { return js_epoch_ms(); }

void WebRoomTransport::remember(const std::string& code, const std::string& token) {
  js_room_remember(code.c_str(), token.c_str());
}

}  // namespace kalan::web
