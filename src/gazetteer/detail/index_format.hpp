// The on-disk layout of gazetteer.idx: plain little-endian records, read in place via mmap so
// that opening the gazetteer costs no parsing. Written by IndexWriter, read by Gazetteer.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mapwire::gazetteer::detail {

inline constexpr char kMagic[8] = {'M', 'W', 'G', 'A', 'Z', 'I', 'X', '1'};
inline constexpr std::uint32_t kVersion = 4;

// Keys are bucketed by their first two bytes: bucket b holds the keys in
// [bucket[b], bucket[b + 1]), so a search touches a few dozen keys instead of millions.
inline constexpr std::size_t kBuckets = 65536;

inline std::size_t bucket_of(const char* key, std::size_t length) {
    const auto b0 = length > 0 ? static_cast<unsigned char>(key[0]) : 0u;
    const auto b1 = length > 1 ? static_cast<unsigned char>(key[1]) : 0u;
    return (std::size_t{b0} << 8) | b1;
}

struct StrRef {
    std::uint32_t offset;
    std::uint32_t length;
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
    StrRef metadata;                     // JSON describing the build (worldview, sources)
    std::uint64_t key_buckets_offset;    // kBuckets + 1 uint32 key indices
    std::uint64_t loose_buckets_offset;  // the same for the loose keys
    std::uint64_t hash_offset;           // open-addressing table over the distinct exact keys
    std::uint64_t hash_slots;            // a power of two
};

// A slot of the exact-key hash table: the high half of the key's hash, and the index of the
// key's first record plus one (0: empty). Exact lookups cost a few cache misses this way
// instead of a binary search's two dozen.
struct HashSlot {
    std::uint32_t tag;
    std::uint32_t first_plus_one;
};

// FNV-1a, 64 bit: simple, stable across platforms, good enough for folded names.
inline std::uint64_t key_hash(const char* key, std::size_t length) {
    std::uint64_t h = 14695981039346656037ull;
    for (std::size_t i = 0; i < length; ++i) {
        h ^= static_cast<unsigned char>(key[i]);
        h *= 1099511628211ull;
    }
    return h;
}

struct PlaceRecord {
    StrRef id, name, country, iso_code, feature_code, occupied_by;
    std::int64_t population;
    double lat, lon, area_km2;
    double label_lat, label_lon;
    float min_lon, min_lat, max_lon, max_lat;
    std::int32_t admin1;
    std::int32_t parent_country;
    std::int32_t scalerank;
    std::int16_t occupied_since;
    std::uint8_t type;
    std::uint8_t reserved;
};

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
