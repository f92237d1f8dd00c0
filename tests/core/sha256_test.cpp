#include <gtest/gtest.h>

#include <string>

#include "core/sha256.hpp"

// FIPS 180-2 / NIST example vectors.
TEST(Sha256, FipsVectors) {
  EXPECT_EQ(dr::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(dr::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(dr::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(dr::sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, MillionA) {
  EXPECT_EQ(dr::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalEqualsOneShot) {
  std::string s;
  for (int i = 0; i < 300; ++i) s += char('a' + i % 26);
  for (size_t split : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 128u, 299u}) {
    dr::Sha256 h;
    h.update(s.data(), split);
    h.update(s.data() + split, s.size() - split);
    auto d = h.finish();
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (auto b : d) { out += hex[b >> 4]; out += hex[b & 15]; }
    EXPECT_EQ(out, dr::sha256_hex(s)) << split;
  }
}
