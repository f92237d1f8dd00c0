// The next household's code: counting up as people write codes, whatever was typed before.
#include "app/household_code.hpp"

#include <gtest/gtest.h>

namespace {

using app::fresh_household_code;
using app::next_household_code;

TEST(HouseholdCode, CountsUpKeepingThePadding) {
  EXPECT_EQ(next_household_code("HH-007"), "HH-008");
  EXPECT_EQ(next_household_code("HH-009"), "HH-010");
  EXPECT_EQ(next_household_code("HH-099"), "HH-100");
  EXPECT_EQ(next_household_code("HH-999"), "HH-1000");
  EXPECT_EQ(next_household_code("12"), "13");
  EXPECT_EQ(next_household_code("9"), "10");
}

TEST(HouseholdCode, StartsOrExtendsWhenThereIsNoNumber) {
  EXPECT_EQ(next_household_code(""), "HO-001");
  EXPECT_EQ(next_household_code("   "), "HO-001");
  EXPECT_EQ(next_household_code("Nhà ông An"), "Nhà ông An-2");
  EXPECT_EQ(next_household_code(" HH-004 "), "HH-005") << "spaces typed around it are not part of it";
}

TEST(HouseholdCode, AbsurdInputDoesNotAbort) {
  // Used to go through std::stoull, which aborts (exceptions off) past 20 digits.
  EXPECT_EQ(next_household_code("HO-99999999999999999999"), "HO-100000000000000000000");
  EXPECT_EQ(next_household_code("12345678901234567890123456789"), "12345678901234567890123456790");
  EXPECT_EQ(next_household_code(std::string(500, '9')), "1" + std::string(500, '0'));
  EXPECT_EQ(next_household_code("HO-" + std::string(64, '0')), "HO-" + std::string(63, '0') + "1");
  EXPECT_EQ(next_household_code("-"), "--2");
  EXPECT_EQ(next_household_code("Ấp 3"), "Ấp 4");
}

TEST(HouseholdCode, SkipsCodesAlreadyUsedOnThisDevice) {
  EXPECT_EQ(fresh_household_code("HH-001", {"HH-002", "HH-003"}), "HH-004");
  EXPECT_EQ(fresh_household_code("HH-001", {}), "HH-002");
  EXPECT_EQ(fresh_household_code("", {"HO-001"}), "HO-002");
  std::set<std::string> many;
  for (int i = 2; i < 50; ++i) many.insert("X" + std::to_string(i));
  EXPECT_EQ(fresh_household_code("X1", many, 10), "X11") << "gives up after `tries` codes";
}

}  // namespace
