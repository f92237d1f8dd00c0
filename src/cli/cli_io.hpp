// File helpers shared by the digiready subcommands.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace drcli {

// Reads at most `limit` + 1 bytes, so a huge file is reported as too big without loading it.
bool read_file(const std::string& path, std::size_t limit, std::string& out, std::string& err);
bool write_file(const std::string& path, const std::string& data);
void print_all(const std::vector<std::string>& lines, const char* prefix);

}  // namespace drcli
