// Secrets for the server: random tokens from /dev/urandom and the SHA-256 kept in the database instead.
#pragma once
#include <string>

namespace kalan::server {

// `bytes` random bytes from /dev/urandom, as lowercase hex (16 bytes = 128 bits by default).
std::string random_hex(size_t bytes = 16);
// A join code: `n` characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
std::string random_code(size_t n = 6);
// SHA-256 of `text`, as lowercase hex; tokens are stored only in this form.
std::string sha256_hex(const std::string& text);
// MD5 of `text` (RFC 1321), as lowercase hex: OpenRosa form lists name a form's version by it
// (<hash>md5:…</hash>). Not a secret.
std::string md5_hex(const std::string& text);
// Compares two strings in time independent of where they differ.
bool same_secret(const std::string& a, const std::string& b);

}  // namespace kalan::server
