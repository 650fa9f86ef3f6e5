// The cue word lists; lower-case except titles, which are matched as written.
#include "geoparse/detail/cues.hpp"

#include <algorithm>
#include <array>

namespace mapwire::geoparse::detail {
namespace {

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::array<std::string_view, 16> kLocative = {
    "in",         "near",   "at",      "across", "inside",    "outside", "into",    "around",
    "throughout", "within", "towards", "toward", "outskirts", "entered", "reached", "through"};

constexpr std::array<std::string_view, 106> kStateVerbs = {
    "providing",  "supplying",    "sending",   "deploying",  "supporting", "denying",  "backing",
    "pressing",   "demanding",    "urging",    "said",       "says",       "say",      "denied",
    "denies",     "deny",         "responded", "respond",    "responds",   "maintain", "maintains",
    "maintained", "accused",      "accuses",   "claimed",    "claims",     "claim",    "announced",
    "announces",  "pledged",      "pledge",    "pledges",    "warned",     "warns",    "urged",
    "urges",      "condemned",    "condemns",  "insisted",   "insists",    "rejected", "rejects",
    "signed",     "agreed",       "agrees",    "called",     "calls",      "demanded", "demands",
    "threatened", "threatens",    "blamed",    "blames",     "imposed",    "imposes",  "sanctioned",
    "supports",   "supported",    "backs",     "backed",     "wants",      "wanted",   "plans",
    "planned",    "positioned",   "summoned",  "summons",    "deployed",   "deploys",  "sent",
    "sends",      "refused",      "refuses",   "vowed",      "vows",       "promised", "confirmed",
    "confirms",   "acknowledged", "stated",    "declared",   "argued",     "believes", "hopes",
    "expects",    "sought",       "seeks",     "recognized", "recognised", "welcomed", "praised",
    "criticized", "criticised",   "protested", "retaliated", "launched",   "invaded",  "annexed",
    "provided",   "provides",     "supplied",  "supplies",   "negotiated", "expelled", "told"};

constexpr std::array<std::string_view, 28> kAuxiliary = {
    "has",        "have",  "had",       "did",        "does",     "do",         "is",
    "was",        "were",  "are",       "will",       "would",    "could",      "not",
    "also",       "still", "long",      "reportedly", "already",  "previously", "again",
    "repeatedly", "never", "allegedly", "officially", "publicly", "quickly",    "itself"};

constexpr std::array<std::string_view, 52> kGovernmentNouns = {
    "envoy",        "ambassador", "government",  "president",      "leader",       "leadership",
    "foreign",      "defence",    "defense",     "military",       "army",         "forces",
    "troops",       "stance",     "position",    "credibility",    "commitment",   "engagement",
    "support",      "officials",  "ministry",    "security",       "intelligence", "embassy",
    "diplomat",     "diplomats",  "diplomatic",  "representative", "decision",     "response",
    "policy",       "allies",     "prime",       "parliament",     "invasion",     "war",
    "attack",       "attacks",    "offensive",   "campaign",       "demands",      "state",
    "navy",         "air",        "authorities", "regime",         "spokesman",    "spokeswoman",
    "spokesperson", "mission",    "delegation",  "consulate"};

constexpr std::array<std::string_view, 16> kResponseNouns = {
    "response",   "responses",  "reaction",     "reactions", "comment",      "comments",
    "statement",  "statements", "support",      "pressure",  "condemnation", "aid",
    "assistance", "word",       "confirmation", "protest"};

constexpr std::array<std::string_view, 40> kTitles = {
    "President", "Minister",   "Prime",   "Foreign",   "Defence",     "Defense",    "General",
    "Gen",       "Mr",         "Ms",      "Mrs",       "Dr",          "Commander",  "Colonel",
    "Col",       "Lieutenant", "Lt",      "Sergeant",  "Captain",     "Major",      "Governor",
    "Mayor",     "Senator",    "Sen",     "Rep",       "Secretary",   "Chancellor", "King",
    "Queen",     "Prince",     "Pope",    "Spokesman", "Spokeswoman", "Ambassador", "Envoy",
    "Chief",     "Admiral",    "Marshal", "Sheikh",    "Ayatollah"};

constexpr std::array<std::string_view, 16> kAdminWords = {
    "region",      "regions",      "oblast",     "oblasts",  "province", "provinces",
    "governorate", "governorates", "state",      "krai",     "kray",     "district",
    "districts",   "county",       "prefecture", "territory"};

constexpr std::array<std::string_view, 9> kConnectors = {"of", "the", "de", "del", "da",
                                                         "al", "el",  "du", "la"};

}  // namespace

bool is_locative(std::string_view w) {
    return in(kLocative, w);
}
bool is_state_verb(std::string_view w) {
    return in(kStateVerbs, w);
}
bool is_auxiliary(std::string_view w) {
    return in(kAuxiliary, w);
}
bool is_government_noun(std::string_view w) {
    return in(kGovernmentNouns, w);
}
bool is_response_noun(std::string_view w) {
    return in(kResponseNouns, w);
}
bool is_title(std::string_view w) {
    return in(kTitles, w);
}
bool is_admin_word(std::string_view w) {
    return in(kAdminWords, w);
}
bool is_connector(std::string_view w) {
    return in(kConnectors, w);
}

}  // namespace mapwire::geoparse::detail
