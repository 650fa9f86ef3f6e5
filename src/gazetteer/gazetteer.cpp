// Name lookup and candidate ranking over the memory-mapped gazetteer index.
#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "gazetteer/detail/admin_words.hpp"
#include "gazetteer/detail/index_format.hpp"
#include "gazetteer/detail/mapped_file.hpp"
#include "gazetteer/ranking.hpp"
#include "text/normalize.hpp"

namespace mapwire::gazetteer {

std::string_view to_string(PlaceType type) {
    switch (type) {
        case PlaceType::admin0:
            return "admin0";
        case PlaceType::admin1:
            return "admin1";
        case PlaceType::place:
            return "place";
        case PlaceType::region:
            return "region";
        case PlaceType::admin2:
            return "admin2";
    }
    return "place";
}

std::optional<PlaceType> parse_place_type(std::string_view text) {
    for (auto t : {PlaceType::admin0, PlaceType::admin1, PlaceType::place, PlaceType::region,
                   PlaceType::admin2})
        if (to_string(t) == text) return t;
    return std::nullopt;
}

struct Gazetteer::Impl {
    detail::MappedFile file;
    std::string path;
    const detail::Header* header = nullptr;
    const detail::PlaceRecord* places = nullptr;
    const detail::KeyRecord* keys = nullptr;
    const detail::KeyRecord* loose = nullptr;
    const char* strings = nullptr;
    const detail::HashSlot* key_hash = nullptr;
    const detail::HashSlot* loose_hash = nullptr;
    const detail::PrefixSlot* key_prefixes = nullptr;
    const detail::PrefixSlot* loose_prefixes = nullptr;
    std::once_flag ids_once;
    std::unordered_map<std::string_view, std::uint32_t> ids;

    // The records of a key, through its table's hash (exact or loose keys).
    std::pair<const detail::KeyRecord*, const detail::KeyRecord*> records(
        const detail::KeyRecord* table, std::uint64_t count, const detail::HashSlot* hash,
        std::uint64_t slots, std::string_view key) const {
        const std::uint64_t h = detail::key_hash(key.data(), key.size());
        const std::uint64_t mask = slots - 1;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::uint64_t s = h & mask;; s = (s + 1) & mask) {
            const detail::HashSlot& slot = hash[s];
            if (slot.first_plus_one == 0) return {nullptr, nullptr};
            if (slot.tag != tag) continue;
            const detail::KeyRecord* first = table + (slot.first_plus_one - 1);
            if (str(first->key) != key) continue;
            const detail::KeyRecord* last = first + 1;
            const detail::KeyRecord* end = table + count;
            while (last != end && last->key.offset == first->key.offset &&
                   last->key.length == first->key.length)
                ++last;
            return {first, last};
        }
    }
    std::pair<const detail::KeyRecord*, const detail::KeyRecord*> exact(
        std::string_view key) const {
        return records(keys, header->key_count, key_hash, header->key_hash.slots, key);
    }
    std::pair<const detail::KeyRecord*, const detail::KeyRecord*> loose_records(
        std::string_view key) const {
        return records(loose, header->loose_count, loose_hash, header->loose_hash.slots, key);
    }

    static bool in_prefixes(const detail::PrefixSlot* table, std::uint64_t slots,
                            std::string_view prefix) {
        const detail::PrefixSlot h = detail::prefix_slot(prefix.data(), prefix.size());
        for (std::uint64_t s = h & (slots - 1);; s = (s + 1) & (slots - 1)) {
            if (table[s] == h) return true;
            if (table[s] == 0) return false;
        }
    }

    Impl(detail::MappedFile f, std::string p) : file(std::move(f)), path(std::move(p)) {}

    std::string_view str(detail::StrRef r) const { return {strings + r.offset, r.length}; }

    Place place(std::uint32_t i) const {
        const auto& r = places[i];
        Place p;
        p.index = i;
        p.id = str(r.id);
        p.name = str(r.name);
        p.type = static_cast<PlaceType>(r.type);
        // min(): a damaged file must not make a view reach past the record.
        p.country = {r.country, std::min<std::size_t>(r.country_length, sizeof r.country)};
        p.iso_code = str(r.iso_code);
        p.feature_code = {r.feature_code,
                          std::min<std::size_t>(r.feature_code_length, sizeof r.feature_code)};
        p.admin1 = r.admin1;
        p.parent_country = r.parent_country;
        p.population = r.population;
        p.lat = r.lat;
        p.lon = r.lon;
        p.area_km2 = r.area_km2;
        p.label_lat = r.label_lat;
        p.label_lon = r.label_lon;
        p.min_lon = r.min_lon;
        p.min_lat = r.min_lat;
        p.max_lon = r.max_lon;
        p.max_lat = r.max_lat;
        p.occupied_by = str(r.occupied_by);
        p.occupied_since = r.occupied_since;
        p.scalerank = r.scalerank;
        return p;
    }

    void validate() const {
        const auto bytes = file.bytes();
        auto bad = [this](const std::string& why) {
            return std::move(
                GazetteerError("gazetteer index is damaged or from another version: " + why,
                               ExitCode::missing_data,
                               "rebuild the dataset with `scripts/setup.sh`")
                    .in_file(path));
        };
        if (bytes.size() < sizeof(detail::Header)) throw bad("too short");
        if (std::memcmp(header->magic, detail::kMagic, sizeof detail::kMagic) != 0)
            throw bad("bad magic");
        if (header->version != detail::kVersion)
            throw bad("version " + std::to_string(header->version));
        const auto fits = [&](std::uint64_t off, std::uint64_t len) {
            return off % 8 == 0 && off <= bytes.size() && len <= bytes.size() - off;
        };
        const auto table_fits = [&](const detail::HashIndex& t, std::uint64_t slot_size) {
            return t.slots != 0 && (t.slots & (t.slots - 1)) == 0 &&
                   t.slots <= bytes.size() / slot_size && fits(t.offset, t.slots * slot_size);
        };
        if (!fits(header->places_offset,
                  std::uint64_t{header->place_count} * sizeof(detail::PlaceRecord)) ||
            !fits(header->keys_offset, header->key_count * sizeof(detail::KeyRecord)) ||
            !fits(header->loose_offset, header->loose_count * sizeof(detail::KeyRecord)) ||
            !table_fits(header->key_hash, sizeof(detail::HashSlot)) ||
            !table_fits(header->loose_hash, sizeof(detail::HashSlot)) ||
            !table_fits(header->key_prefixes, sizeof(detail::PrefixSlot)) ||
            !table_fits(header->loose_prefixes, sizeof(detail::PrefixSlot)) ||
            header->strings_offset > bytes.size() ||
            header->strings_size > bytes.size() - header->strings_offset)
            throw bad("sections out of bounds");
    }
};

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

Gazetteer Gazetteer::open(const std::string& index_path) {
    std::unique_ptr<Impl> impl;
    try {
        impl = std::make_unique<Impl>(detail::MappedFile(index_path), index_path);
    } catch (IoError& e) {
        throw std::move(GazetteerError(e.message(), ExitCode::missing_data,
                                       "build the dataset with `scripts/setup.sh`, or point "
                                       "--data / MAPWIRE_DATA at it")
                            .in_file(index_path));
    }
    const char* base = impl->file.bytes().data();
    impl->header = reinterpret_cast<const detail::Header*>(base);
    impl->validate();
    impl->places = reinterpret_cast<const detail::PlaceRecord*>(base + impl->header->places_offset);
    impl->keys = reinterpret_cast<const detail::KeyRecord*>(base + impl->header->keys_offset);
    impl->loose = reinterpret_cast<const detail::KeyRecord*>(base + impl->header->loose_offset);
    impl->strings = base + impl->header->strings_offset;
    const auto* h = impl->header;
    impl->key_hash = reinterpret_cast<const detail::HashSlot*>(base + h->key_hash.offset);
    impl->loose_hash = reinterpret_cast<const detail::HashSlot*>(base + h->loose_hash.offset);
    impl->key_prefixes = reinterpret_cast<const detail::PrefixSlot*>(base + h->key_prefixes.offset);
    impl->loose_prefixes =
        reinterpret_cast<const detail::PrefixSlot*>(base + h->loose_prefixes.offset);
    return Gazetteer(std::move(impl));
}

std::size_t Gazetteer::size() const {
    return impl_->header->place_count;
}

Place Gazetteer::place(std::uint32_t index) const {
    return impl_->place(index);
}

std::string_view Gazetteer::metadata() const {
    return impl_->str(impl_->header->metadata);
}

std::optional<Place> Gazetteer::find_id(std::string_view id) const {
    // Built on first use: most runs never look places up by id.
    std::call_once(impl_->ids_once, [this] {
        impl_->ids.reserve(impl_->header->place_count);
        for (std::uint32_t i = 0; i < impl_->header->place_count; ++i)
            impl_->ids.emplace(impl_->str(impl_->places[i].id), i);
    });
    auto it = impl_->ids.find(id);
    if (it == impl_->ids.end()) return std::nullopt;
    return impl_->place(it->second);
}

namespace {

const RankingWeights& w = kRanking;

double name_weight(NameKind kind) {
    switch (kind) {
        case NameKind::preferred:
            return w.preferred_name;
        case NameKind::official:
            return w.official_name;
        case NameKind::alternate:
            return w.alternate_name;
        case NameKind::code:
            return w.code_name;
        case NameKind::demonym:
            return 0.0;
    }
    return w.code_name;
}

}  // namespace

double prominence(const Place& p) {
    const double area = w.area_per_decade * std::log10(p.area_km2 + 1.0);
    switch (p.type) {
        case PlaceType::admin0:
            return w.country + area;
        case PlaceType::region:
            return w.region + area;
        case PlaceType::admin1:
            return w.admin1 + w.admin1_area_per_decade * std::log10(p.area_km2 + 1.0);
        case PlaceType::admin2:
            return w.admin2 + area +
                   w.county_population_per_decade *
                       std::log10(static_cast<double>(p.population) + 1.0);
        case PlaceType::place:
            break;
    }
    double s = w.population_per_decade * std::log10(static_cast<double>(p.population) + 1.0);
    if (p.feature_code == "PPLC")
        s += w.capital;
    else if (p.feature_code == "PPLA")
        s += w.admin1_seat;
    else if (p.feature_code == "PPLA2")
        s += w.admin2_seat;
    return s;
}

namespace {

double admin_word_weight(PlaceType type) {
    switch (type) {
        case PlaceType::admin1:
        case PlaceType::admin2:
            return w.admin_word_unit;
        case PlaceType::region:
            return w.admin_word_region;
        case PlaceType::place:
            return w.admin_word_town;
        case PlaceType::admin0:
            break;
    }
    return 0.0;
}

}  // namespace

std::vector<Candidate> Gazetteer::lookup(std::string_view name,
                                         const LookupOptions& options) const {
    const std::string folded = text::fold(name);
    if (folded.empty()) return {};
    const std::string bare = detail::strip_admin_words(folded);
    const bool admin_word = !bare.empty();
    // "City" names a town: it counts for towns as "Oblast" does for units.
    const bool settlement = admin_word && detail::settlement_word(folded);

    std::vector<Candidate> found;  // few per lookup: a vector beats a hash map
    bool full_name_found = false;  // some place has the name as written as its own
    auto collect = [&](const std::string& key, MatchQuality quality) {
        if (key.empty()) return;
        auto [lo, hi] =
            quality == MatchQuality::exact ? impl_->exact(key) : impl_->loose_records(key);
        const std::size_t before = found.size();
        for (const auto* k = lo; k != hi; ++k) {
            if (k->kind == static_cast<std::uint8_t>(NameKind::demonym)) continue;
            // Built where it is kept: a Candidate is large, and copies of it stall on stores.
            Candidate& c = found.emplace_back();
            c.place = impl_->place(k->place);
            const Place& p = c.place;
            if ((options.type && p.type != *options.type) ||
                (!options.country.empty() && p.country != options.country)) {
                found.pop_back();
                continue;
            }
            const auto kind = static_cast<NameKind>(k->kind);
            const bool stripped = k->stripped != 0;
            double score = name_weight(kind) + prominence(p);
            if (quality == MatchQuality::loose) score += w.loose_match;
            // The administrative word: a town whose own full name it is ("New York City") is
            // not penalised, and when the full name is some place's own, a place found only
            // by the bare name ("New York") matched less of what was written.
            const bool own_full_name = &key == &folded && !stripped;
            const bool partial = admin_word && full_name_found && &key != &folded;
            const bool town_word = settlement && p.type == PlaceType::place;
            const double word_weight =
                settlement ? (town_word ? w.settlement_word_town
                                        : (own_full_name ? admin_word_weight(p.type) : 0.0))
                           : admin_word_weight(p.type);
            if (admin_word && !(own_full_name && p.type == PlaceType::place))
                score += partial ? std::min(0.0, word_weight) + w.partial_name : word_weight;
            c.score = score;
            c.kind = kind;
            c.quality = quality;
            c.admin_word =
                admin_word && !town_word && !(own_full_name && p.type == PlaceType::place);
            c.partial = partial;
            // A key's records name distinct places: only earlier keys' finds can repeat one.
            const auto earlier = found.begin() + static_cast<std::ptrdiff_t>(before);
            auto it = std::find_if(found.begin(), earlier,
                                   [&](const Candidate& x) { return x.place.index == k->place; });
            if (it != earlier) {
                if (score > it->score) *it = std::move(c);
                found.pop_back();
            }
        }
    };
    for (const std::string* key : {&folded, &bare}) {
        collect(*key, MatchQuality::exact);
        full_name_found = !found.empty();
    }
    // Spelling variants only when no name matches as written: an exact match is the answer,
    // and this keeps the common case to two binary searches.
    if (found.empty() && options.spelling_variants)
        for (const std::string* key : {&folded, &bare})
            collect(text::loose_key(*key), MatchQuality::loose);

    // A town named by one of its alternate names never outranks a country, unit or region
    // named by its own name, however large the town: "Victoria" is the Australian state
    // (or the Canadian city), not Hong Kong, which GeoNames also calls Victoria. A unit's own seat
    // is the exception below ("Dnipropetrovsk", Dnipro's former name).
    std::optional<double> own_named_area;
    for (const Candidate& c : found)
        if (c.place.type != PlaceType::place && c.quality == MatchQuality::exact &&
            (c.kind == NameKind::preferred || c.kind == NameKind::official))
            own_named_area = std::max(own_named_area.value_or(c.score), c.score);
    if (own_named_area)
        for (Candidate& c : found)
            if (c.place.type == PlaceType::place && c.kind == NameKind::alternate)
                c.score = std::min(c.score, *own_named_area - w.alternate_below_area);
    // ... nor a town named by its own name, unless it is `alternate_town_population_ratio`
    // times larger (Genève as "Geneva" over Geneva, Illinois): a seat's rank does not make up
    // for the name ("Manchester" is Manchester, New Hampshire, not Richmond, Virginia, once a
    // town of that name).
    for (Candidate& c : found) {
        if (c.place.type != PlaceType::place || c.kind != NameKind::alternate) continue;
        for (const Candidate& own : found)
            if (own.place.type == PlaceType::place && own.quality == MatchQuality::exact &&
                (own.kind == NameKind::preferred || own.kind == NameKind::official) &&
                static_cast<double>(own.place.population) * w.alternate_town_population_ratio >
                    static_cast<double>(c.place.population))
                c.score = std::min(c.score, own.score - w.alternate_below_area);
    }
    // A unit that shares its name with a town inside it (its seat, mostly) is the town when
    // the query has no administrative word: "Kharkiv", "Aleppo", "Mykolaiv".
    if (!admin_word) {
        const std::string cut_short = folded + ' ';  // "oklahoma " begins "oklahoma city"
        auto names_unit = [&](const Candidate& town, const Candidate& unit) {
            if (town.place.type != PlaceType::place || town.quality != MatchQuality::exact ||
                town.place.admin1 != static_cast<std::int32_t>(unit.place.index))
                return false;
            // The town by its own name, or the unit's seat by any of its names (Mykolaiv is
            // an alternate name of the seat Mykolayiv, Dnipropetrovsk Dnipro's former one),
            // except the seat's name cut short to the unit's ("Oklahoma" for Oklahoma City
            // names the state).
            const bool seat =
                town.place.feature_code == "PPLA" || town.place.feature_code == "PPLC";
            return town.kind == NameKind::preferred || town.kind == NameKind::official ||
                   (seat && !text::fold(town.place.name).starts_with(cut_short));
        };
        for (Candidate& unit : found) {
            if (unit.place.type != PlaceType::admin1) continue;
            bool named = false;
            for (Candidate& town : found)
                if (names_unit(town, unit)) {
                    // The town takes the unit's standing: a homonym abroad that the unit
                    // outranked does not win because the name means the town ("Taoyuan" in
                    // Taiwan, whose city has no population in cities500, over a Jiangsu town).
                    town.score = std::max(town.score, unit.score - w.seat_below_unit);
                    named = true;
                }
            if (named) unit.score += w.unit_named_after_town;
        }
    }
    return ranked(std::move(found), options);
}

std::vector<Candidate> Gazetteer::ranked(std::vector<Candidate> found,
                                         const LookupOptions& options) {
    // The document's focus country settles near-ties; its towns get it only when the largest
    // of them is not much smaller than the largest homonym anywhere: a US story's "Geneva" is
    // still in Switzerland, its "Esperance" (3,600 people) still in Australia (2,300) when the
    // story is about Australia. Then each town there not much smaller than that largest one:
    // the bonus says which country more than which of its towns (an Illinois story's
    // "Chatham" may be the village of 12,000 by Springfield, not only the Chicago
    // neighbourhood of 31,000).
    if (!options.prefer_country.empty()) {
        std::int64_t largest = 0, largest_own = 0;  // ... and of the towns by their own name
        std::int64_t largest_focus = 0, largest_focus_any = 0;
        for (const Candidate& c : found)
            if (c.place.type == PlaceType::place) {
                largest = std::max(largest, c.place.population);
                const bool own = c.kind == NameKind::preferred || c.kind == NameKind::official;
                if (own) largest_own = std::max(largest_own, c.place.population);
                // By own names where there are some: Saint Albans, once Philippi, sets no bar
                // for Philippi, W.Va.; "Kiev" names Kyiv by an alternate name only.
                if (c.place.country == options.prefer_country) {
                    largest_focus_any = std::max(largest_focus_any, c.place.population);
                    if (own) largest_focus = std::max(largest_focus, c.place.population);
                }
            }
        if (largest_focus == 0) largest_focus = largest_focus_any;
        const bool focus_towns = static_cast<double>(largest_focus) >=
                                 w.focus_town_population_share * static_cast<double>(largest);
        // "Georgia" in a US story is the state: a unit of the focus country outranks a
        // foreign country of its name (not its own country: Mexico's State of Mexico).
        const bool foreign_country =
            std::any_of(found.begin(), found.end(), [&](const Candidate& c) {
                return c.place.type == PlaceType::admin0 &&
                       c.place.country != options.prefer_country;
            });
        for (Candidate& c : found) {
            if (c.place.country != options.prefer_country) continue;
            if (c.place.type == PlaceType::admin1 && foreign_country)
                c.score += w.focus_country + w.focus_unit_over_foreign_country;
            else if (c.place.type != PlaceType::place)
                c.score += w.focus_country;
            else if (focus_towns &&
                     static_cast<double>(c.place.population) >=
                         w.focus_town_population_share * static_cast<double>(largest_focus) &&
                     // An alternate name outranks no larger town's own name: a US story's
                     // "Manchester United" is not Richmond, Virginia (once Manchester).
                     (c.kind != NameKind::alternate || c.place.population >= largest_own))
                c.score += w.focus_country_town;
        }
    }
    std::vector<Candidate> out = std::move(found);
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.place.index < b.place.index;  // deterministic ties
    });
    if (out.size() > options.limit) out.resize(options.limit);
    return out;
}

bool Gazetteer::has_prefix(std::string_view prefix) const {
    if (prefix.empty()) return false;
    // lookup() strips leading administrative words ("City of Santa Ana"): so does this.
    const std::string_view rest = detail::after_admin_prefix(prefix);
    if (rest.empty()) return true;
    if (rest.size() < prefix.size()) return has_prefix(rest);
    const auto* h = impl_->header;
    if (Impl::in_prefixes(impl_->key_prefixes, h->key_prefixes.slots, prefix)) return true;
    const std::string loose = text::loose_key(prefix);
    return !loose.empty() &&
           Impl::in_prefixes(impl_->loose_prefixes, h->loose_prefixes.slots, loose);
}

std::vector<Place> Gazetteer::demonym(std::string_view word) const {
    std::vector<Place> out;
    const std::string key = text::fold(word);
    if (key.empty()) return out;
    auto [lo, hi] = impl_->exact(key);
    for (const auto* k = lo; k != hi; ++k)
        if (k->kind == static_cast<std::uint8_t>(NameKind::demonym))
            out.push_back(impl_->place(k->place));
    return out;
}

std::vector<Suggestion> Gazetteer::suggestions(std::string_view name, std::size_t limit) const {
    std::string folded = text::fold(name);
    if (const std::string bare = detail::strip_admin_words(folded); !bare.empty()) folded = bare;
    if (folded.empty()) return {};
    const std::size_t max = std::max<std::size_t>(2, folded.size() / 4);
    struct Hit {
        std::size_t distance;
        bool alternate;  // a variant spelling: shown after preferred and official names
        double prominence;
        std::uint32_t place;
    };
    std::vector<Hit> hits;
    for (std::uint64_t i = 0; i < impl_->header->key_count; ++i) {
        const auto& k = impl_->keys[i];
        if (k.kind == static_cast<std::uint8_t>(NameKind::code) ||
            k.kind == static_cast<std::uint8_t>(NameKind::demonym))
            continue;
        const std::string_view key = impl_->str(k.key);
        if (key.empty() ||
            (key[0] != folded[0] && (key.size() < 2 || folded.size() < 2 || key[1] != folded[1])))
            continue;
        const std::size_t d = text::edit_distance(folded, key, max);
        if (d <= max)
            hits.push_back({d, k.kind == static_cast<std::uint8_t>(NameKind::alternate),
                            prominence(impl_->place(k.place)), k.place});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.distance != b.distance) return a.distance < b.distance;
        if (a.alternate != b.alternate) return b.alternate;
        if (a.prominence != b.prominence) return a.prominence > b.prominence;
        return a.place < b.place;
    });
    std::vector<Suggestion> out;
    for (const auto& h : hits) {
        const Place p = impl_->place(h.place);
        Suggestion s{std::string(p.name), std::string(p.country), p.type};
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
        if (out.size() >= limit) break;
    }
    return out;
}

std::string Suggestion::display() const {
    if (country.empty()) return name;
    return name + " (" + country + ", " + std::string(to_string(type)) + ")";
}

}  // namespace mapwire::gazetteer
