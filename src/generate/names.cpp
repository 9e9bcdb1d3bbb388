#include "names.h"

#include <array>

namespace rcc::generate {
namespace {
constexpr std::array<std::string_view, 80> kGiven = {
    "Muhammad", "Ahmed",   "Ali",    "Hassan", "Hussain", "Usman",  "Bilal",   "Hamza",
    "Omar",     "Saad",    "Faisal", "Imran",  "Kamran",  "Adnan",  "Asad",    "Zeeshan",
    "Waqas",    "Junaid",  "Shahid", "Tariq",  "Rizwan",  "Naveed", "Salman",  "Fahad",
    "Danish",   "Haris",   "Talha",  "Farhan", "Yasir",   "Arslan", "Awais",   "Umair",
    "Noman",    "Shoaib",  "Atif",   "Rehan",  "Sohail",  "Waleed", "Moiz",    "Abdullah",
    "Ayesha",   "Fatima",  "Zainab", "Maryam", "Hira",    "Sana",   "Sara",    "Amna",
    "Mahnoor",  "Iqra",    "Sidra",  "Rabia",  "Nida",    "Saba",   "Mehwish", "Asma",
    "Khadija",  "Aliya",   "Noor",   "Anum",   "Kiran",   "Madiha", "Sadia",   "Bushra",
    "Hafsa",    "Laiba",   "Areeba", "Eman",   "Zara",    "Mariam", "Samina",  "Uzma",
    "Rida",     "Javeria", "Komal",  "Farah",  "Shazia",  "Lubna",  "Nadia",   "Huma"};
constexpr std::array<std::string_view, 50> kFamily = {
    "Khan",   "Ahmed",    "Ali",    "Hussain", "Malik",  "Qureshi", "Chaudhry", "Butt",
    "Sheikh", "Siddiqui", "Raza",   "Iqbal",   "Javed",  "Aslam",   "Akhtar",   "Mirza",
    "Baig",   "Abbasi",   "Awan",   "Bhatti",  "Cheema", "Gill",    "Hashmi",   "Jafri",
    "Kazmi",  "Niazi",    "Rana",   "Rizvi",   "Saeed",  "Shah",    "Tariq",    "Yousaf",
    "Zaidi",  "Farooq",   "Nawaz",  "Mehmood", "Anwar",  "Rehman",  "Latif",    "Sultan",
    "Memon",  "Soomro",   "Baloch", "Khattak", "Afridi", "Durrani", "Paracha",  "Sethi",
    "Naqvi",  "Ansari"};
}  // namespace

std::span<const std::string_view> given_names() {
  return kGiven;
}
std::span<const std::string_view> family_names() {
  return kFamily;
}
}  // namespace rcc::generate
