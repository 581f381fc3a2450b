// Building JSON objects on hot paths. nlohmann's initializer lists ({{"k", v}, ...}) build each pair as a
// two-element array and copy every value once more; json_object("k", v, ...) puts the values in place.
#pragma once
#include <utility>

#include <nlohmann/json.hpp>

namespace kalan {

namespace detail {
inline void put_fields(nlohmann::json::object_t&) {}
template <typename V, typename... Rest>
void put_fields(nlohmann::json::object_t& o, const char* key, V&& value, Rest&&... rest) {
  o.emplace_hint(o.end(), key, std::forward<V>(value));  // keys given in order go in without a search
  put_fields(o, std::forward<Rest>(rest)...);
}
}  // namespace detail

// json_object("type", "msg_created", "msg", std::move(msg)): keys are C strings, values anything a JSON
// value is made from; a key given twice keeps its first value. Keys in sorted order are the cheapest.
template <typename... KeyValues>
nlohmann::json json_object(KeyValues&&... kv) {
  nlohmann::json j(nlohmann::json::value_t::object);
  detail::put_fields(j.get_ref<nlohmann::json::object_t&>(), std::forward<KeyValues>(kv)...);
  return j;
}

}  // namespace kalan
