// The on-disk layout of gazetteer.idx: plain little-endian records, read in place via mmap so
// that opening the gazetteer costs no parsing. Written by IndexWriter, read by Gazetteer.
#pragma once

#include <cstdint>

namespace mapwire::gazetteer::detail {

inline constexpr char kMagic[8] = {'M', 'W', 'G', 'A', 'Z', 'I', 'X', '1'};
inline constexpr std::uint32_t kVersion = 1;

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
    StrRef metadata;  // JSON describing the build (worldview, sources)
};

struct PlaceRecord {
    StrRef id, name, country, iso_code, feature_code, occupied_by;
    std::int64_t population;
    double lat, lon, area_km2;
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
