// Shared helpers for the core tests.
#pragma once
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/digiready.hpp"
#include "file_util.hpp"

namespace drt {

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
