// The Czech default texts of the letters for parents and of the "Kam se obrátit" guide, seeded into
// the database on first use and edited there afterwards (DOMAIN.md §2: school law; §5: Brno).
// Institution addresses are kept generic where they were not confirmed: coordinators complete them.
#include "domain/documents.hpp"

namespace kredo::domain {

std::vector<DocumentTemplate> default_document_templates() {
  std::vector<DocumentTemplate> t;
  auto add = [&](const char* code, const char* title, const char* addressee, const char* body) {
    DocumentTemplate d;
    d.code = code;
    d.language = "cs";
    d.version = 1;
    d.title = title;
    d.addressee = addressee;
    d.body = body;
    t.push_back(std::move(d));
  };
  add("application_admission", "Žádost o přijetí dítěte k {{education}}",
      "Ředitel/ka školy\n{{school_name}}\n{{school_address}}",
      "Jako zákonný zástupce žádám o přijetí svého dítěte {{child_name}}, narozeného {{child_birth_date}}, "
      "k {{education}} ve škole {{school_name}} od školního roku {{school_year}}.\n"
      "\n"
      "Žádám, aby o mé žádosti bylo rozhodnuto ve správním řízení (§ 165 odst. 2 zákona č. 561/2004 Sb., "
      "školský zákon). Písemnosti mi prosím doručujte na adresu uvedenou výše.");
  add("deferral_request", "Žádost o odklad povinné školní docházky",
      "Ředitel/ka školy\n{{school_name}}\n{{school_address}}",
      "Jako zákonný zástupce žádám o odklad začátku povinné školní docházky svého dítěte {{child_name}}, "
      "narozeného {{child_birth_date}}, o jeden školní rok podle § 37 "
      "zákona č. 561/2004 Sb., školský zákon.\n"
      "\n"
      "K žádosti přikládám doporučující posouzení školského poradenského zařízení a odborného lékaře nebo "
      "klinického psychologa.\n"
      "\n"
      "Přílohy: doporučení školského poradenského zařízení; doporučení odborného lékaře nebo klinického "
      "psychologa");
  add("appeal_non_admission", "Odvolání proti rozhodnutí o nepřijetí",
      "Krajský úřad Jihomoravského kraje\nodbor školství\nprostřednictvím ředitele/ředitelky školy\n"
      "{{school_name}}\n{{school_address}}",
      "Dne {{delivered_on}} mi bylo doručeno rozhodnutí ředitele/ředitelky školy {{school_name}} "
      "č. j. {{decision_number}} ze dne {{decision_date}}, kterým moje dítě {{child_name}}, narozené "
      "{{child_birth_date}}, nebylo přijato k {{education}}. Proti tomuto rozhodnutí podávám v zákonné lhůtě "
      "odvolání.\n"
      "\n"
      "Odůvodnění: {{reasons}}\n"
      "\n"
      "Navrhuji, aby odvolací orgán napadené rozhodnutí změnil tak, že se moje dítě ke vzdělávání přijímá, "
      "případně aby rozhodnutí zrušil a věc vrátil škole k novému projednání.");
  add("complaint_csi", "Stížnost na postup školy {{school_name}}",
      "Česká školní inspekce\nJihomoravský inspektorát",
      "Podávám stížnost na postup školy {{school_name}}, {{school_address}}, ve věci mého dítěte "
      "{{child_name}}, narozeného {{child_birth_date}}.\n"
      "\n"
      "{{complaint_text}}\n"
      "\n"
      "Žádám Českou školní inspekci, aby stížnost prošetřila a sdělila mi výsledek šetření.");
  add("individual_education_notice", "Oznámení o individuálním vzdělávání dítěte",
      "Ředitel/ka mateřské školy\n{{school_name}}\n{{school_address}}",
      "Oznamuji, že moje dítě {{child_name}}, narozené {{child_birth_date}}, rodné číslo {{child_rodne_cislo}}, "
      "s místem trvalého pobytu {{child_address}}, bude povinné předškolní vzdělávání plnit formou "
      "individuálního vzdělávání (§ 34b zákona č. 561/2004 Sb., školský zákon), a to v období "
      "{{period}}.\n"
      "\n"
      "Důvody: {{reasons}}\n"
      "\n"
      "Beru na vědomí, že mateřská škola ověří úroveň osvojování očekávaných výstupů a že se dítě k ověření "
      "dostaví v termínu, který škola stanoví.");
  return t;
}

std::vector<GuideInstitution> default_guide_institutions() {
  std::vector<GuideInstitution> g;
  auto add = [&](const char* code, const char* name, const char* address, const char* what) {
    GuideInstitution i;
    i.code = code;
    i.language = "cs";
    i.position = static_cast<std::int64_t>(g.size() + 1) * 10;
    i.name = name;
    i.address = address;
    i.what_they_do = what;
    g.push_back(std::move(i));
  };
  add("school_director", "Ředitel nebo ředitelka školy", "adresa školy (najdete ji na rozhodnutí)",
      "Rozhoduje o přijetí, nepřijetí a o odkladu školní docházky. Můžete požádat o vysvětlení a nahlédnout do "
      "spisu. Odvolání proti rozhodnutí se podává přes ředitele/ředitelku školy do 15 dnů od doručení.");
  add("regional_authority", "Krajský úřad Jihomoravského kraje, odbor školství", "Brno",
      "Rozhoduje o odvolání proti rozhodnutí ředitele školy (nepřijetí, odklad). Odvolání posíláte škole, ta ho "
      "předá krajskému úřadu.");
  add("csi", "Česká školní inspekce, Jihomoravský inspektorát", "Brno (adresa a datová schránka na webu ČŠI)",
      "Prošetřuje stížnosti na školy a školská zařízení. O výsledku informuje vás i zřizovatele školy.");
  add("ombudsman", "Veřejný ochránce práv (ombudsman)", "Údolní 39, Brno",
      "Pomáhá, když úřad nebo škola postupuje nezákonně nebo nespravedlivě, a při diskriminaci (zákon č. "
      "198/2009 Sb., antidiskriminační zákon). Jeho pomoc je zdarma.");
  add("founder", "Zřizovatel školy (v Brně většinou městská část)", "úřad městské části, která školu zřizuje",
      "Odpovídá za školu a jmenuje ředitele. Můžete mu napsat stížnost na ředitele nebo na postup školy.");
  add("ngo", "IQ Roma servis, z.s.", "Brno (kontakt vám dá váš terénní pracovník)",
      "Poradíme vám, pomůžeme s přihláškou, odvoláním i stížností a můžeme jít s vámi.");
  return g;
}

}  // namespace kredo::domain
