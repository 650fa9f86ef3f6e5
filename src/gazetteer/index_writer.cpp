// Serialises places and their folded name keys into the gazetteer.idx layout.
#include "gazetteer/index_writer.hpp"

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <tuple>
#include <unordered_map>

#include "base/error.hpp"
#include "gazetteer/detail/admin_words.hpp"
#include "gazetteer/detail/index_format.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/normalize.hpp"

namespace mapwire::gazetteer {
namespace {

using detail::KeyRecord;
using detail::StrRef;

class StringPool {
public:
    StrRef add(const std::string& s) {
        if (auto it = offsets_.find(s); it != offsets_.end())
            return {it->second, static_cast<std::uint32_t>(s.size())};
        const auto off = static_cast<std::uint32_t>(bytes_.size());
        bytes_ += s;
        offsets_.emplace(s, off);
        return {off, static_cast<std::uint32_t>(s.size())};
    }
    const std::string& bytes() const { return bytes_; }

private:
    std::string bytes_;
    std::unordered_map<std::string, std::uint32_t> offsets_;
};

struct PendingKey {
    std::string key;
    std::uint32_t place;
    NameKind kind;
    bool stripped;
};

void sort_and_dedupe(std::vector<PendingKey>& keys) {
    std::sort(keys.begin(), keys.end(), [](const PendingKey& a, const PendingKey& b) {
        return std::tie(a.key, a.place, a.kind, a.stripped) <
               std::tie(b.key, b.place, b.kind, b.stripped);
    });
    // For each (key, place) keep the strongest kind, preferring an unstripped key.
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [](const PendingKey& a, const PendingKey& b) {
                               return a.key == b.key && a.place == b.place;
                           }),
               keys.end());
}

std::uint64_t align8(std::uint64_t n) {
    return (n + 7) & ~std::uint64_t{7};
}

// Open addressing with linear probing over the distinct keys, at most 70 % full.
std::vector<detail::HashSlot> hash_table(const std::vector<PendingKey>& keys) {
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (i == 0 || keys[i].key != keys[i - 1].key) ++distinct;
    std::size_t slots = 1024;
    while (slots * 7 < distinct * 10) slots *= 2;
    std::vector<detail::HashSlot> table(slots, detail::HashSlot{0, 0});
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0 && keys[i].key == keys[i - 1].key) continue;
        const std::uint64_t h = detail::key_hash(keys[i].key.data(), keys[i].key.size());
        std::size_t s = h & (slots - 1);
        while (table[s].first_plus_one != 0) s = (s + 1) & (slots - 1);
        table[s] = {static_cast<std::uint32_t>(h >> 32), static_cast<std::uint32_t>(i + 1)};
    }
    return table;
}

// Every word-boundary prefix of the keys, with its space ("kursk " of "kursk oblast"), at
// most 70 % full; linear probing.
std::vector<detail::PrefixSlot> prefix_table(const std::vector<PendingKey>& keys) {
    std::vector<detail::PrefixSlot> hashes;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0 && keys[i].key == keys[i - 1].key) continue;
        const std::string& k = keys[i].key;
        for (std::size_t at = k.find(' '); at != std::string::npos; at = k.find(' ', at + 1))
            hashes.push_back(detail::prefix_slot(k.data(), at + 1));
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    std::size_t slots = 1024;
    while (slots * 7 < hashes.size() * 10) slots *= 2;
    std::vector<detail::PrefixSlot> table(slots, 0);
    for (const detail::PrefixSlot h : hashes) {
        std::size_t s = h & (slots - 1);
        while (table[s] != 0) s = (s + 1) & (slots - 1);
        table[s] = h;
    }
    return table;
}

}  // namespace

std::uint32_t IndexWriter::add(PlaceEntry entry) {
    entries_.push_back(std::move(entry));
    return static_cast<std::uint32_t>(entries_.size() - 1);
}

void IndexWriter::write(const std::string& path, const std::string& metadata_json) const {
    StringPool pool;
    std::vector<detail::PlaceRecord> places;
    places.reserve(entries_.size());
    std::vector<PendingKey> keys, loose;

    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        const PlaceEntry& e = entries_[i];
        detail::PlaceRecord r{};
        r.id = pool.add(e.id);
        r.name = pool.add(e.name);
        if (e.country.size() > detail::kCountryCodeBytes ||
            e.feature_code.size() > detail::kFeatureCodeBytes)
            throw GazetteerError("place " + e.id + ": country code '" + e.country +
                                     "' or feature code '" + e.feature_code + "' is too long",
                                 ExitCode::bad_input,
                                 "country codes have two letters (ISO 3166-1), GeoNames feature "
                                 "codes at most eight");
        r.country_length = static_cast<std::uint8_t>(e.country.size());
        std::memcpy(r.country, e.country.data(), e.country.size());
        r.feature_code_length = static_cast<std::uint8_t>(e.feature_code.size());
        std::memcpy(r.feature_code, e.feature_code.data(), e.feature_code.size());
        r.iso_code = pool.add(e.iso_code);
        r.occupied_by = pool.add(e.occupied_by);
        r.population = e.population;
        r.lat = e.lat;
        r.lon = e.lon;
        r.area_km2 = e.area_km2;
        r.label_lat = e.label ? e.label->first : e.lat;
        r.label_lon = e.label ? e.label->second : e.lon;
        r.min_lon = e.min_lon;
        r.min_lat = e.min_lat;
        r.max_lon = e.max_lon;
        r.max_lat = e.max_lat;
        r.admin1 = e.admin1;
        r.parent_country = e.parent_country;
        r.scalerank = e.scalerank;
        r.occupied_since = e.occupied_since;
        r.type = static_cast<std::uint8_t>(e.type);
        places.push_back(r);

        const bool strippable = e.type == PlaceType::admin1 || e.type == PlaceType::region;
        auto add_key = [&](const std::string& folded, NameKind kind, bool stripped) {
            if (folded.empty()) return;
            keys.push_back({folded, i, kind, stripped});
            const std::string l = text::loose_key(folded);
            if (!l.empty()) loose.push_back({l, i, kind, stripped});
        };
        add_key(text::fold(e.name), NameKind::preferred, false);
        for (const auto& [name, kind] : e.names) {
            const std::string folded = text::fold(name);
            if (kind == NameKind::demonym) {
                keys.push_back({folded, i, kind, false});
                continue;
            }
            add_key(folded, kind, false);
            if (strippable && kind != NameKind::code) {
                const std::string bare = detail::strip_admin_words(folded);
                if (!bare.empty()) add_key(bare, kind, true);
            }
        }
        if (strippable) {
            const std::string bare = detail::strip_admin_words(text::fold(e.name));
            if (!bare.empty()) add_key(bare, NameKind::preferred, true);
        }
    }
    sort_and_dedupe(keys);
    sort_and_dedupe(loose);

    auto to_records = [&pool](const std::vector<PendingKey>& in) {
        std::vector<KeyRecord> out;
        out.reserve(in.size());
        for (const auto& k : in)
            out.push_back({pool.add(k.key), k.place, static_cast<std::uint8_t>(k.kind),
                           static_cast<std::uint8_t>(k.stripped ? 1 : 0), 0});
        return out;
    };
    const auto key_records = to_records(keys);
    const auto loose_records = to_records(loose);
    const StrRef meta = pool.add(metadata_json);

    detail::Header h{};
    std::memcpy(h.magic, detail::kMagic, sizeof h.magic);
    h.version = detail::kVersion;
    h.place_count = static_cast<std::uint32_t>(places.size());
    h.places_offset = align8(sizeof h);
    h.keys_offset = align8(h.places_offset + places.size() * sizeof(detail::PlaceRecord));
    h.key_count = key_records.size();
    h.loose_offset = align8(h.keys_offset + key_records.size() * sizeof(KeyRecord));
    h.loose_count = loose_records.size();
    const auto key_hash = hash_table(keys);
    const auto loose_hash = hash_table(loose);
    const auto key_prefixes = prefix_table(keys);
    const auto loose_prefixes = prefix_table(loose);
    std::uint64_t end = h.loose_offset + loose_records.size() * sizeof(KeyRecord);
    auto place_table = [&end](detail::HashIndex& at, std::size_t slots, std::size_t slot_size) {
        at = {align8(end), slots};
        end = at.offset + slots * slot_size;
    };
    place_table(h.key_hash, key_hash.size(), sizeof(detail::HashSlot));
    place_table(h.loose_hash, loose_hash.size(), sizeof(detail::HashSlot));
    place_table(h.key_prefixes, key_prefixes.size(), sizeof(detail::PrefixSlot));
    place_table(h.loose_prefixes, loose_prefixes.size(), sizeof(detail::PrefixSlot));
    h.strings_offset = align8(end);
    h.strings_size = pool.bytes().size();
    h.metadata = meta;

    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::move(IoError("cannot write").in_file(temp));
        auto pad_to = [&out](std::uint64_t offset) {
            while (static_cast<std::uint64_t>(out.tellp()) < offset) out.put('\0');
        };
        out.write(reinterpret_cast<const char*>(&h), sizeof h);
        pad_to(h.places_offset);
        out.write(reinterpret_cast<const char*>(places.data()),
                  static_cast<std::streamsize>(places.size() * sizeof(detail::PlaceRecord)));
        pad_to(h.keys_offset);
        out.write(reinterpret_cast<const char*>(key_records.data()),
                  static_cast<std::streamsize>(key_records.size() * sizeof(KeyRecord)));
        pad_to(h.loose_offset);
        out.write(reinterpret_cast<const char*>(loose_records.data()),
                  static_cast<std::streamsize>(loose_records.size() * sizeof(KeyRecord)));
        auto write_table = [&](const detail::HashIndex& at, const auto& table) {
            pad_to(at.offset);
            out.write(reinterpret_cast<const char*>(table.data()),
                      static_cast<std::streamsize>(table.size() * sizeof(table[0])));
        };
        write_table(h.key_hash, key_hash);
        write_table(h.loose_hash, loose_hash);
        write_table(h.key_prefixes, key_prefixes);
        write_table(h.loose_prefixes, loose_prefixes);
        pad_to(h.strings_offset);
        out.write(pool.bytes().data(), static_cast<std::streamsize>(pool.bytes().size()));
        if (!out.flush()) throw std::move(IoError("write failed (disk full?)").in_file(temp));
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw std::move(IoError("cannot move the finished index into place").in_file(path));
    }
}

}  // namespace mapwire::gazetteer
