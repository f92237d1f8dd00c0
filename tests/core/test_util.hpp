// Shared helpers for the core tests.
#pragma once
#include <cstdio>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/digiready.hpp"

namespace drt {

inline std::string read_file(const std::string& path) {
  std::string out;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    std::fclose(f);
  }
  return out;
}

inline std::string mini_json() { return read_file(std::string(DR_TEST_DATA) + "/mini.json"); }

inline std::shared_ptr<const dr::Survey> mini() {
  static std::shared_ptr<const dr::Survey> s = [] {
    auto r = dr::load_survey(mini_json(), "mini.json");
    for (auto& e : r.errors) ADD_FAILURE() << e;
    return r.survey;
  }();
  return s;
}

// Hand-computed example A (see scoring_test.cpp).
inline dr::Answers example_a() {
  dr::Answers a;
  a["province"] = "Đồng Nai";
  a["village"] = "Ấp 1";
  a["has_phone"] = "yes";
  a["phone_use"] = std::vector<std::string>{"zalo", "bank"};
  a["confidence"] = 4;
  a["pays_online"] = "sometimes";
  a["wallet"] = std::vector<std::string>{"momo"};
  a["otp"] = "never_share";
  return a;
}

}  // namespace drt
