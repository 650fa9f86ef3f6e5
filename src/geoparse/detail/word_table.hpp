// A read-only set of words with a small value each, in one flat open-addressing table: the
// geoparser asks it about every token, and std::unordered_map's nodes and prime-modulo
// buckets cost more than the question (a probe here is a multiply, a mask and a compare).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace mapwire::geoparse::detail {

// Eight bytes at a time, one multiply each (FNV's multiply per byte was most of a probe):
// words are short and the hash need not resist attack (the words are ours).
inline std::uint64_t word_hash(std::string_view w) {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = w.size() * k;
    std::size_t i = 0;
    for (; i + 8 <= w.size(); i += 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, w.data() + i, 8);
        h = (h ^ chunk) * k;
        h ^= h >> 29;
    }
    std::uint64_t tail = 0;
    for (std::size_t j = i; j < w.size(); ++j)
        tail |= std::uint64_t{static_cast<unsigned char>(w[j])} << (8 * (j - i));
    h = (h ^ tail) * k;
    return h ^ (h >> 32);
}

template <typename Value>
class WordTable {
public:
    // Views must outlive the table. Adding a word again combines values with |.
    void add(std::string_view word, Value value) {
        if ((used_ + 1) * 2 > tags_.size()) grow();
        const std::uint64_t h = word_hash(word);
        const std::size_t i = slot_of(word, h);
        if (tags_[i] == 0) {
            tags_[i] = tag_of(h);
            entries_[i].word = word;
            ++used_;
        }
        entries_[i].value = static_cast<Value>(entries_[i].value | value);
    }
    // The word's value, or Value{} when absent.
    Value find(std::string_view word) const {
        if (tags_.empty()) return Value{};
        const std::size_t i = slot_of(word, word_hash(word));
        return tags_[i] == 0 ? Value{} : entries_[i].value;
    }

private:
    // Most words asked are in no list: a probe reads the slot's tag (its hash's high half,
    // never 0, which marks an empty slot) and compares the word only where the tags agree.
    // The tags lie apart from the words, four bytes a slot, so that the probes stay in a few
    // cache lines; the table is kept at most half full, so that a miss ends within a probe or
    // two.
    struct Entry {
        std::string_view word;
        Value value{};
    };
    static std::uint32_t tag_of(std::uint64_t h) {
        return static_cast<std::uint32_t>(h >> 32) | 1u;
    }
    // The word's slot, or the empty one where it would go (the table is never full).
    std::size_t slot_of(std::string_view word, std::uint64_t h) const {
        const std::size_t mask = tags_.size() - 1;
        const std::uint32_t tag = tag_of(h);
        for (std::size_t i = h & mask;; i = (i + 1) & mask)
            if (tags_[i] == 0 || (tags_[i] == tag && entries_[i].word == word)) return i;
    }
    void grow() {
        std::vector<Entry> old;
        old.swap(entries_);
        const std::vector<std::uint32_t> old_tags = std::exchange(tags_, {});
        const std::size_t size = old_tags.empty() ? 64 : old_tags.size() * 2;
        tags_.assign(size, 0);
        entries_.assign(size, Entry{});
        for (std::size_t k = 0; k < old_tags.size(); ++k) {
            if (old_tags[k] == 0) continue;
            const std::size_t i = slot_of(old[k].word, word_hash(old[k].word));
            tags_[i] = old_tags[k];
            entries_[i] = old[k];
        }
    }
    std::vector<std::uint32_t> tags_;  // 0: empty
    std::vector<Entry> entries_;
    std::size_t used_ = 0;
};

}  // namespace mapwire::geoparse::detail
