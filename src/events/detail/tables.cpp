// Reading the coder's TSV tables (geodata/events/*.tsv): "#" lines are comments, fields are
// tab-separated, every row is checked against the enums it names.
#include "events/detail/tables.hpp"

#include <charconv>

namespace mapwire::events::detail {

// Defined in the generated tables_embedded.cpp (src/events/CMakeLists.txt).
extern const TableTexts kEmbeddedTables;

namespace {

using Row = std::vector<std::string_view>;

// The data rows of a table with `columns` fields each; `sink` gets the row and its line.
template <class Sink>
void for_rows(std::string_view text, std::string_view name, std::size_t columns, Sink sink) {
    int line = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view l = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++line;
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l.empty() || l.front() == '#') continue;
        Row row;
        for (std::size_t from = 0;;) {
            const std::size_t tab = l.find('\t', from);
            row.push_back(l.substr(from, tab == std::string_view::npos ? tab : tab - from));
            if (tab == std::string_view::npos) break;
            from = tab + 1;
        }
        if (row.size() != columns)
            throw std::move(TableError("expected " + std::to_string(columns) + " columns, found " +
                                       std::to_string(row.size()))
                                .in_file(std::string(name))
                                .at(line));
        try {
            sink(row);
        } catch (TableError& e) {
            throw std::move(e.in_file(std::string(name)).at(line));
        }
    }
}

template <class Enum, std::size_t N>
Enum named(std::string_view value, const std::array<std::pair<std::string_view, Enum>, N>& names,
           std::string_view what) {
    for (const auto& [name, e] : names)
        if (name == value) return e;
    throw std::move(TableError("unknown " + std::string(what)).with_value(std::string(value)));
}

constexpr std::array<std::pair<std::string_view, SubtypeRule>, 3> kRules = {
    {{"fixed", SubtypeRule::fixed},
     {"weapon", SubtypeRule::weapon},
     {"territory", SubtypeRule::territory}}};
constexpr std::array<std::pair<std::string_view, Object>, 11> kObjects = {
    {{"any", Object::any},
     {"people", Object::people},
     {"civilian-person", Object::civilian_person},
     {"place", Object::place},
     {"envoy", Object::envoy},
     {"troops", Object::troops},
     {"combatants", Object::combatants},
     {"civilians", Object::civilians},
     {"projectile", Object::projectile},
     {"aircraft", Object::aircraft},
     {"displaced", Object::displaced}}};
constexpr std::array<std::pair<std::string_view, List>, 24> kLists = {
    {{"people", List::people},
     {"civilian-person", List::civilian_person},
     {"troops", List::troops},
     {"combatants", List::combatants},
     {"civilians", List::civilians},
     {"envoy", List::envoy},
     {"group", List::group},
     {"military", List::military},
     {"air", List::air},
     {"shell", List::shell},
     {"explosive", List::explosive},
     {"projectile", List::projectile},
     {"aircraft", List::aircraft},
     {"unit", List::unit},
     {"speech", List::speech},
     {"title", List::title},
     {"hedge", List::hedge},
     {"attempt", List::attempt},
     {"reference", List::reference},
     {"background", List::background},
     {"negation", List::negation},
     {"modifier", List::modifier},
     {"leave", List::leave},
     {"place-part", List::place_part}}};
constexpr std::array<std::pair<std::string_view, QuantityKind>, 3> kKinds = {
    {{"exact", QuantityKind::exact},
     {"vague", QuantityKind::vague},
     {"article", QuantityKind::article}}};

std::int64_t integer(std::string_view s) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        throw std::move(TableError("not an integer").with_value(std::string(s)));
    return v;
}

EventType event_type(std::string_view name) {
    if (const auto type = parse_event_type(name)) return *type;
    throw std::move(TableError("unknown ACLED event type").with_value(std::string(name)));
}

// The sub-type a row names under its type ("" is none); an unknown name, or one of another
// type, is an error.
std::optional<SubEventType> sub_type_under(EventType type, std::string_view name) {
    if (name.empty()) return std::nullopt;
    const auto sub_type = parse_sub_event_type(name);
    if (!sub_type)
        throw std::move(TableError("unknown ACLED sub-event type").with_value(std::string(name)));
    if (event_type_of(*sub_type) != type)
        throw std::move(TableError("the sub-event type is not of the event type " +
                                   std::string(to_string(type)))
                            .with_value(std::string(name)));
    return sub_type;
}

std::vector<std::string> words_of(std::string_view phrase) {
    std::vector<std::string> out;
    for (std::size_t from = 0; from < phrase.size();) {
        const std::size_t sp = std::min(phrase.find(' ', from), phrase.size());
        if (sp > from) out.emplace_back(phrase.substr(from, sp - from));
        from = sp + 1;
    }
    return out;
}

}  // namespace

int Tables::rank(std::optional<SubEventType> sub_type) const {
    auto it = sub_type ? ranks.find(*sub_type) : ranks.end();
    return it == ranks.end() ? 0 : it->second;
}

Tables parse_tables(const TableTexts& texts) {
    Tables t;
    for_rows(texts.subtypes, "subtypes.tsv", 3, [&](const Row& r) {
        const auto sub_type = sub_type_under(event_type(r[0]), r[1]);
        if (!sub_type) throw TableError("a rank needs its sub-event type");
        t.ranks[*sub_type] = static_cast<int>(integer(r[2]));
    });
    for_rows(texts.triggers, "triggers.tsv", 5, [&](const Row& r) {
        const EventType type = event_type(r[1]);
        Trigger trig{words_of(r[0]), type, sub_type_under(type, r[2]), named(r[3], kRules, "rule"),
                     named(r[4], kObjects, "object")};
        if (trig.phrase.empty() || trig.phrase.size() > 3)
            throw TableError("a phrase has one to three words");
        if (trig.sub_type && !t.ranks.count(*trig.sub_type))
            throw std::move(TableError("sub-type not in subtypes.tsv")
                                .with_value(std::string(to_string(*trig.sub_type))));
        if (!trig.sub_type && trig.rule == SubtypeRule::fixed)
            throw TableError("a fixed rule needs a sub-type");
        t.triggers_by_first_word[trig.phrase.front()].push_back(t.triggers.size());
        t.triggers.push_back(std::move(trig));
    });
    for_rows(texts.words, "words.tsv", 2, [&](const Row& r) {
        t.lists[static_cast<std::size_t>(named(r[0], kLists, "list"))].emplace(r[1]);
    });
    for_rows(texts.counts, "counts.tsv", 2,
             [&](const Row& r) { t.meanings[std::string(r[0])] = std::string(r[1]); });
    for_rows(texts.quantities, "quantities.tsv", 3, [&](const Row& r) {
        t.quantities[std::string(r[0])] = {integer(r[1]), named(r[2], kKinds, "kind")};
    });
    for_rows(texts.actors, "actors.tsv", 4, [&](const Row& r) {
        ActorName a{std::string(r[1]), std::string(r[2]), std::string(r[3])};
        if (r[0].starts_with("country:"))
            t.actor_by_country[std::string(r[0].substr(8))] = std::move(a);
        else if (r[0].starts_with("word:"))
            t.actor_by_word[std::string(r[0].substr(5))] = std::move(a);
        else
            throw std::move(
                TableError("a key is country:XX or word:w").with_value(std::string(r[0])));
    });
    return t;
}

namespace {

std::string reading(const Trigger& t) {
    switch (t.rule) {
        case SubtypeRule::fixed:
            return std::string(to_string(t.sub_type));
        case SubtypeRule::weapon:
            return "by the clause's weapons (air, shell, explosive)" +
                   (t.sub_type ? ", else " + std::string(to_string(t.sub_type))
                               : std::string(", else no event"));
        case SubtypeRule::territory:
            return "Government regains territory (a state in its own land) or Non-state actor "
                   "overtakes territory";
    }
    return {};
}

std::string_view object_name(Object o) {
    for (const auto& [name, e] : kObjects)
        if (e == o) return o == Object::any ? std::string_view() : name;
    return {};
}

}  // namespace

std::string trigger_table_markdown(const Tables& tables) {
    std::string out = "| words | needs near it | type | sub-type |\n| --- | --- | --- | --- |\n";
    const auto& ts = tables.triggers;
    for (std::size_t i = 0; i < ts.size();) {
        std::size_t j = i;
        std::string words;
        while (j < ts.size() && ts[j].type == ts[i].type && ts[j].sub_type == ts[i].sub_type &&
               ts[j].rule == ts[i].rule && ts[j].object == ts[i].object) {
            std::string phrase;
            for (const auto& w : ts[j].phrase) phrase += (phrase.empty() ? "" : " ") + w;
            words += (words.empty() ? "" : ", ") + phrase;
            ++j;
        }
        out += "| " + words + " | " + std::string(object_name(ts[i].object)) + " | " +
               std::string(to_string(ts[i].type)) + " | " + reading(ts[i]) + " |\n";
        i = j;
    }
    return out;
}

const Tables& tables() {
    static const Tables parsed = parse_tables(kEmbeddedTables);
    return parsed;
}

}  // namespace mapwire::events::detail
