// The cue word lists; lower-case except titles, which are matched as written.
#include "geoparse/detail/cues.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace mapwire::geoparse::detail {
namespace {

// Each list becomes a hash set on first use: these checks run for every mention.
template <const auto& List>
bool in(std::string_view w) {
    static const std::unordered_set<std::string_view> set(List.begin(), List.end());
    return set.count(w) != 0;
}

constexpr std::array<std::string_view, 16> kLocative = {
    "in",         "near",   "at",      "across", "inside",    "outside", "into",    "around",
    "throughout", "within", "towards", "toward", "outskirts", "entered", "reached", "through"};

constexpr auto kStateVerbs = std::to_array<std::string_view>(
    {"providing",  "supplying",    "sending",   "deploying",  "supporting", "denying",
     "backing",    "pressing",     "demanding", "urging",     "said",       "says",
     "say",        "denied",       "denies",    "deny",       "responded",  "respond",
     "responds",   "maintain",     "maintains", "maintained", "accused",    "accuses",
     "accuse",     "claimed",      "claims",    "claim",      "announced",  "announces",
     "announce",   "pledged",      "pledge",    "pledges",    "warned",     "warns",
     "warn",       "urged",        "urges",     "urge",       "condemned",  "condemns",
     "condemn",    "insisted",     "insists",   "insist",     "rejected",   "rejects",
     "reject",     "signed",       "sign",      "agreed",     "agrees",     "agree",
     "called",     "calls",        "demanded",  "demands",    "threatened", "threatens",
     "threaten",   "blamed",       "blames",    "blame",      "imposed",    "imposes",
     "impose",     "sanctioned",   "supports",  "supported",  "support",    "backs",
     "backed",     "wants",        "wanted",    "plans",      "planned",    "positioned",
     "summoned",   "summons",      "summon",    "deployed",   "deploys",    "deploy",
     "sent",       "sends",        "send",      "refused",    "refuses",    "refuse",
     "vowed",      "vows",         "vow",       "promised",   "promises",   "confirmed",
     "confirms",   "acknowledged", "stated",    "declared",   "argued",     "believes",
     "hopes",      "expects",      "sought",    "seeks",      "recognized", "recognised",
     "welcomed",   "welcomes",     "praised",   "criticized", "criticised", "protested",
     "retaliated", "retaliate",    "launched",  "launches",   "launch",     "fired",
     "fires",      "invaded",      "invades",   "annexed",    "provided",   "provides",
     "provide",    "supplied",     "supplies",  "supply",     "negotiated", "expelled",
     "told",       "withdrew",     "withdraws", "cut",        "cuts",       "recalled",
     "suspended",  "approved",     "announced", "mobilised",  "mobilized",  "struck",
     "strikes",    "attacked",     "attacks",   "accused",    "offered",    "offers",
     "vetoed",     "voted",        "signalled", "signaled",   "insisted",   "reiterated",
     "dismissed",  "ordered",      "orders"});

constexpr std::array<std::string_view, 28> kAuxiliary = {
    "has",        "have",  "had",       "did",        "does",     "do",         "is",
    "was",        "were",  "are",       "will",       "would",    "could",      "not",
    "also",       "still", "long",      "reportedly", "already",  "previously", "again",
    "repeatedly", "never", "allegedly", "officially", "publicly", "quickly",    "itself"};

constexpr auto kGovernmentNouns = std::to_array<std::string_view>(
    {"envoy",          "ambassador", "government",  "president",      "leader",       "leadership",
     "foreign",        "defence",    "defense",     "military",       "army",         "forces",
     "troops",         "stance",     "position",    "credibility",    "commitment",   "engagement",
     "support",        "officials",  "ministry",    "security",       "intelligence", "embassy",
     "diplomat",       "diplomats",  "diplomatic",  "representative", "decision",     "response",
     "policy",         "allies",     "prime",       "parliament",     "invasion",     "war",
     "attack",         "attacks",    "offensive",   "campaign",       "demands",      "state",
     "navy",           "air",        "authorities", "regime",         "spokesman",    "spokeswoman",
     "spokesperson",   "mission",    "delegation",  "consulate",      "junta",        "cabinet",
     "administration", "leaders",    "generals",    "drones",         "missiles",     "backing",
     "allegations",    "claims",     "ultimatum",   "proposal",       "plan",         "demand",
     "consent",        "approval",   "veto",        "sanctions",      "envoys"});

constexpr auto kResponseNouns = std::to_array<std::string_view>(
    {"response",   "responses",    "reaction",     "reactions", "comment",      "comments",
     "statement",  "statements",   "support",      "pressure",  "condemnation", "aid",
     "assistance", "word",         "confirmation", "protest",   "ties",         "talks",
     "relations",  "backing",      "funding",      "weapons",   "arms",         "sanctions",
     "demands",    "negotiations", "mediation"});

constexpr std::array<std::string_view, 40> kTitles = {
    "President", "Minister",   "Prime",   "Foreign",   "Defence",     "Defense",    "General",
    "Gen",       "Mr",         "Ms",      "Mrs",       "Dr",          "Commander",  "Colonel",
    "Col",       "Lieutenant", "Lt",      "Sergeant",  "Captain",     "Major",      "Governor",
    "Mayor",     "Senator",    "Sen",     "Rep",       "Secretary",   "Chancellor", "King",
    "Queen",     "Prince",     "Pope",    "Spokesman", "Spokeswoman", "Ambassador", "Envoy",
    "Chief",     "Admiral",    "Marshal", "Sheikh",    "Ayatollah"};

constexpr auto kAdminWords = std::to_array<std::string_view>(
    {"region", "regions", "oblast", "oblasts", "province", "provinces", "governorate",
     "governorates", "state", "states", "krai", "kray", "district", "districts", "county",
     "prefecture", "territory", "raion"});

// Words between a place and the unit the text puts it in: "Pisky, Donetsk", "Sudzha (Kursk)",
// "near Pokrovsk in the Donetsk region", "Hlyboke village of Kharkiv", "in northern Idlib".
constexpr auto kContainerLinks = std::to_array<std::string_view>({",",
                                                                  "(",
                                                                  "in",
                                                                  "the",
                                                                  "of",
                                                                  "near",
                                                                  "outside",
                                                                  "eastern",
                                                                  "western",
                                                                  "southern",
                                                                  "northern",
                                                                  "central",
                                                                  "north",
                                                                  "south",
                                                                  "east",
                                                                  "west",
                                                                  "northeastern",
                                                                  "northwestern",
                                                                  "southeastern",
                                                                  "southwestern",
                                                                  "village",
                                                                  "town",
                                                                  "city",
                                                                  "settlement",
                                                                  "area"});

constexpr std::array<std::string_view, 9> kConnectors = {"of", "the", "de", "del", "da",
                                                         "al", "el",  "du", "la"};

// Capitalised words that look like place names but never are, in news text.
constexpr auto kNotPlaces = std::to_array<std::string_view>(
    {"Christmas", "Easter", "Ramadan", "Eid", "Passover", "Hanukkah", "Monday", "Tuesday",
     "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
     "April", "May", "June", "July", "August", "September", "October", "November", "December",
     "God", "Allah", "Internet", "Telegram", "Facebook", "Twitter", "Reuters", "Wagner",
     // Armed groups and organisations whose names are also towns somewhere (Hamas is an
     // alternate name of Hamm, Germany).
     "Hamas", "Hezbollah", "Houthi", "Houthis", "Taliban", "ISIS", "ISIL", "Daesh", "Shabaab",
     "Boko", "Haram", "NATO", "OSCE", "IAEA", "UNHCR", "UNICEF", "UNRWA", "ICRC", "Kremlin",
     "Pentagon", "Politburo", "Knesset", "Rada", "Duma"});

// Words after a name that make it a feature other than the settlement: "Dnipro River".
constexpr auto kNaturalFeatures = std::to_array<std::string_view>(
    {"river", "sea", "lake", "mountains", "mountain", "valley", "strait", "gulf", "bay", "desert",
     "peninsula", "canal", "reservoir", "island", "islands", "ocean", "basin", "delta"});

// Words after a name that make it a facility named after the place: "Kakhovka dam",
// "Zaporizhzhia nuclear plant". The facility is at or near the place.
constexpr auto kFacilities = std::to_array<std::string_view>(
    {"dam", "airport", "airfield", "bridge", "port", "plant", "station", "hospital", "base",
     "refinery", "crossing", "highway", "road"});

// Words that make a capitalised run an organisation: "Myanmar National Democratic Alliance
// Army", "Kyiv Independent", "UN Security Council".
constexpr auto kOrganisationWords = std::to_array<std::string_view>(
    {"Army",        "Alliance",   "Forces",       "Force",        "Council",     "Party",
     "Front",       "Movement",   "Ministry",     "Agency",       "Service",     "Bank",
     "University",  "News",       "Times",        "Post",         "Independent", "Institute",
     "Committee",   "Brigade",    "Battalion",    "Regiment",     "Corps",       "Guard",
     "Company",     "Group",      "Organisation", "Organization", "Union",       "Federation",
     "Association", "Court",      "Commission",   "Authority",    "Fund",        "Foundation",
     "Radio",       "Television", "TV",           "Media",        "Review",      "Journal",
     "Herald",      "Tribune",    "Daily",        "Gazette",      "Pravda",      "Insider"});

// English function words: capitalised only at the start of a sentence, never a place name
// there. Skipping them spares most of the gazetteer lookups of a text.
constexpr auto kFunctionWords = std::to_array<std::string_view>(
    {"the",        "a",         "an",      "in",     "on",       "at",           "of",
     "for",        "by",        "with",    "from",   "to",       "as",           "and",
     "but",        "or",        "if",      "he",     "she",      "it",           "we",
     "they",       "i",         "you",     "his",    "her",      "its",          "our",
     "their",      "this",      "that",    "these",  "those",    "there",        "here",
     "when",       "while",     "after",   "before", "since",    "during",       "according",
     "however",    "meanwhile", "yet",     "also",   "what",     "who",          "which",
     "where",      "why",       "how",     "not",    "no",       "some",         "many",
     "most",       "all",       "both",    "one",    "two",      "three",        "more",
     "earlier",    "later",     "then",    "thus",   "although", "though",       "despite",
     "amid",       "among",     "about",   "over",   "under",    "into",         "only",
     "just",       "even",      "still",   "so",     "such",     "last",         "first",
     "next",       "other",     "another", "each",   "every",    "additionally", "nonetheless",
     "separately", "further",   "instead", "now",    "today",    "yesterday",    "tomorrow",
     "is",         "was",       "are",     "were",   "has",      "have",         "had",
     "will",       "would"});

}  // namespace

bool is_function_word(std::string_view w) {
    return in<kFunctionWords>(w);
}

bool is_not_place(std::string_view w) {
    return in<kNotPlaces>(w);
}
bool is_natural_feature(std::string_view w) {
    return in<kNaturalFeatures>(w);
}
bool is_facility(std::string_view w) {
    return in<kFacilities>(w);
}
bool is_organisation_word(std::string_view w) {
    return in<kOrganisationWords>(w);
}

bool is_locative(std::string_view w) {
    return in<kLocative>(w);
}
bool is_state_verb(std::string_view w) {
    return in<kStateVerbs>(w);
}
bool is_auxiliary(std::string_view w) {
    return in<kAuxiliary>(w);
}
bool is_government_noun(std::string_view w) {
    return in<kGovernmentNouns>(w);
}
bool is_response_noun(std::string_view w) {
    return in<kResponseNouns>(w);
}
bool is_title(std::string_view w) {
    return in<kTitles>(w);
}
bool is_admin_word(std::string_view w) {
    return in<kAdminWords>(w);
}
bool is_container_link(std::string_view w) {
    return in<kContainerLinks>(w);
}
bool is_connector(std::string_view w) {
    return in<kConnectors>(w);
}

}  // namespace mapwire::geoparse::detail
