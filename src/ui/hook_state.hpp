// The test hook's description of the app now (window.digiready.state(), docs/testing.md).
#pragma once
#include <string>

namespace ui {

class App;
std::string hook_state_json(App& app);

}  // namespace ui
