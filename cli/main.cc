#include "cli/commands.h"

int main(int argc, char** argv) { return lvu::cli::Main(argc, argv); }
