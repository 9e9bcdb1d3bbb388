// Bad input told apart from internal failure. What the user gave (a dataset, an option, a
// request) and cannot work is a BadInput: the CLI exits 2, the API answers 4xx, a plan stage
// reports bad_input. Anything else thrown (std::invalid_argument from a broken precondition
// among them) is an internal failure: exit 1, 500.
#pragma once

#include <stdexcept>

namespace rcc::model {

class BadInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace rcc::model
