// Shared helpers for the core tests.
#pragma once
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/digiready.hpp"
#include "file_util.hpp"
#include "locale_util.hpp"

namespace drt {

inline std::string mini_json() { return read_file(std::string(DR_TEST_DATA) + "/mini.json"); }

inline std::shared_ptr<const dr::Survey> mini() {
  static std::shared_ptr<const dr::Survey> s = [] {
    auto r = dr::load_survey(mini_json(), "mini.json", labels());
    for (auto& e : r.errors) ADD_FAILURE() << e;
    return r.survey;
  }();
  return s;
}

// tests/core/data/mini-v2.json: the format_version 2 rules in small (docs/survey-format.md).
inline std::string mini_v2_json() { return read_file(std::string(DR_TEST_DATA) + "/mini-v2.json"); }

inline std::shared_ptr<const dr::Survey> mini_v2() {
  static std::shared_ptr<const dr::Survey> s = [] {
    auto r = dr::load_survey(mini_v2_json(), "mini-v2.json", labels());
    for (auto& e : r.errors) ADD_FAILURE() << e;
    for (auto& w : r.warnings) ADD_FAILURE() << w;
    return r.survey;
  }();
  return s;
}

// `json` with every occurrence of `from` replaced by `to` (at least one must exist).
inline std::string patched(std::string json, const std::string& from, const std::string& to) {
  auto pos = json.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  for (; pos != std::string::npos; pos = json.find(from, pos + to.size())) json.replace(pos, from.size(), to);
  return json;
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
