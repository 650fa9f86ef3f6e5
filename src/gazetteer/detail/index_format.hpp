// The on-disk layout of gazetteer.idx: plain little-endian records, read in place via mmap so
// that opening the gazetteer costs no parsing, and hash tables, so that the geoparser's many
// lookups of words that are no name cost a cache miss or two each. Written by IndexWriter,
// read by Gazetteer.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mapwire::gazetteer::detail {

inline constexpr char kMagic[8] = {'M', 'W', 'G', 'A', 'Z', 'I', 'X', '1'};
inline constexpr std::uint32_t kVersion = 5;

struct StrRef {
    std::uint32_t offset;
    std::uint32_t length;
};

// An open-addressing table in the file: `slots` (a power of two) entries at `offset`.
struct HashIndex {
    std::uint64_t offset;
    std::uint64_t slots;
};

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t place_count;
    std::uint64_t places_offset;
    std::uint64_t keys_offset;
    std::uint64_t key_count;
    std::uint64_t loose_offset;
    std::uint64_t loose_count;
    std::uint64_t strings_offset;
    std::uint64_t strings_size;
    StrRef metadata;           // JSON describing the build (worldview, sources)
    HashIndex key_hash;        // HashSlot over the distinct exact keys
    HashIndex loose_hash;      // HashSlot over the distinct loose keys
    HashIndex key_prefixes;    // PrefixSlot over the exact keys' word-boundary prefixes
    HashIndex loose_prefixes;  // PrefixSlot over the loose keys' word-boundary prefixes
};

// A slot of a key hash table: the high half of the key's hash, and the index of the key's
// first record plus one (0: empty). A lookup costs a few cache misses this way instead of a
// binary search's two dozen.
struct HashSlot {
    std::uint32_t tag;
    std::uint32_t first_plus_one;
};

// A slot of a prefix table: the hash of a key's first words with the space after them
// ("kursk " of "kursk oblast"), 0 for empty (a hash of 0 is stored as 1). The geoparser asks
// whether any name continues a span; a false positive (two 64-bit hashes equal) only costs
// one more lookup that finds nothing.
using PrefixSlot = std::uint64_t;

// FNV-1a, 64 bit: simple, stable across platforms, good enough for folded names.
inline std::uint64_t key_hash(const char* key, std::size_t length) {
    std::uint64_t h = 14695981039346656037ull;
    for (std::size_t i = 0; i < length; ++i) {
        h ^= static_cast<unsigned char>(key[i]);
        h *= 1099511628211ull;
    }
    return h;
}

inline PrefixSlot prefix_slot(const char* key, std::size_t length) {
    const std::uint64_t h = key_hash(key, length);
    return h == 0 ? 1 : h;
}

// Country and feature codes are kept in the record, not in the string pool: ranking compares
// them for every candidate, and a record is read anyway while the pool is a cache miss away.
inline constexpr std::size_t kCountryCodeBytes = 2;  // ISO 3166-1 alpha-2, or empty
inline constexpr std::size_t kFeatureCodeBytes = 8;  // GeoNames codes have at most 5

struct PlaceRecord {
    StrRef id, name, iso_code, occupied_by;
    std::int64_t population;
    double lat, lon, area_km2;
    double label_lat, label_lon;
    float min_lon, min_lat, max_lon, max_lat;
    std::int32_t admin1;
    std::int32_t parent_country;
    std::int32_t scalerank;
    std::int16_t occupied_since;
    std::uint8_t type;
    std::uint8_t country_length;
    char country[kCountryCodeBytes];
    char feature_code[kFeatureCodeBytes];
    std::uint8_t feature_code_length;
    std::uint8_t reserved[5];  // explicit, so that every byte written is set
};

static_assert(sizeof(PlaceRecord) == 128);

// One searchable key; keys are sorted by their bytes, then by place.
struct KeyRecord {
    StrRef key;
    std::uint32_t place;
    std::uint8_t kind;      // NameKind
    std::uint8_t stripped;  // 1 when an administrative word was removed to form the key
    std::uint16_t reserved;
};

static_assert(sizeof(KeyRecord) == 16);

}  // namespace mapwire::gazetteer::detail
