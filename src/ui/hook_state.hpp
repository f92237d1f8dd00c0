// The test hook's description of the app now (window.digiready.state(), docs/testing.md).
#pragma once
#include <string>

#include "platform/later_code.hpp"

namespace ui {

class App;
// Read by tests only once the code after the first frame is in (platform_web.cpp answers {} before).
DR_LATER_CODE std::string hook_state_json(App& app);

}  // namespace ui
