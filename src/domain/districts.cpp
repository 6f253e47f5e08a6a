#include "domain/districts.hpp"

namespace kredo::domain {

const std::vector<District>& brno_districts() {
  static const std::vector<District> kDistricts = {
      {"brno-bohunice", "Brno-Bohunice"},
      {"brno-bosonohy", "Brno-Bosonohy"},
      {"brno-bystrc", "Brno-Bystrc"},
      {"brno-cernovice", "Brno-Černovice"},
      {"brno-chrlice", "Brno-Chrlice"},
      {"brno-ivanovice", "Brno-Ivanovice"},
      {"brno-jehnice", "Brno-Jehnice"},
      {"brno-jih", "Brno-jih"},
      {"brno-jundrov", "Brno-Jundrov"},
      {"brno-kninicky", "Brno-Kníničky"},
      {"brno-kohoutovice", "Brno-Kohoutovice"},
      {"brno-komin", "Brno-Komín"},
      {"brno-kralovo-pole", "Brno-Královo Pole"},
      {"brno-lisen", "Brno-Líšeň"},
      {"brno-malomerice-a-obrany", "Brno-Maloměřice a Obřany"},
      {"brno-medlanky", "Brno-Medlánky"},
      {"brno-novy-liskovec", "Brno-Nový Lískovec"},
      {"brno-oresin", "Brno-Ořešín"},
      {"brno-reckovice-a-mokra-hora", "Brno-Řečkovice a Mokrá Hora"},
      {"brno-sever", "Brno-sever"},
      {"brno-slatina", "Brno-Slatina"},
      {"brno-stary-liskovec", "Brno-Starý Lískovec"},
      {"brno-stred", "Brno-střed"},
      {"brno-turany", "Brno-Tuřany"},
      {"brno-utechov", "Brno-Útěchov"},
      {"brno-vinohrady", "Brno-Vinohrady"},
      {"brno-zabovresky", "Brno-Žabovřesky"},
      {"brno-zebetin", "Brno-Žebětín"},
      {"brno-zidenice", "Brno-Židenice"},
  };
  return kDistricts;
}

std::optional<District> find_district(std::string_view code_or_name) {
  for (const auto& d : brno_districts())
    if (d.code == code_or_name || d.name == code_or_name) return d;
  return std::nullopt;
}

}  // namespace kredo::domain
