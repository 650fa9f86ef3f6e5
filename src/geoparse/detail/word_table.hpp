// A read-only set of words with a small value each, in one flat open-addressing table: the
// geoparser asks it about every token, and std::unordered_map's nodes and prime-modulo
// buckets cost more than the question (a probe here is a multiply, a mask and a compare).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace mapwire::geoparse::detail {

template <typename Value>
class WordTable {
public:
    // Views must outlive the table. Adding a word again combines values with |.
    void add(std::string_view word, Value value) {
        if ((used_ + 1) * 2 > slots_.size()) grow();
        const std::uint64_t h = hash(word);
        Slot& s = slots_[slot_of(slots_, word, h)];
        if (s.word.data() == nullptr) {
            s.word = word;
            s.tag = static_cast<std::uint32_t>(h >> 32);
            ++used_;
        }
        s.value = static_cast<Value>(s.value | value);
    }
    // The word's value, or Value{} when absent.
    Value find(std::string_view word) const {
        if (slots_.empty()) return Value{};
        const Slot& s = slots_[slot_of(slots_, word, hash(word))];
        return s.word.data() == nullptr ? Value{} : s.value;
    }

private:
    // Most words asked are in no list: a probe that meets another word is settled by the tag
    // (its hash's high half) without comparing bytes, and the table is kept at most half
    // full, so that such a miss ends within a probe or two.
    struct Slot {
        std::string_view word;  // data() == nullptr: empty
        std::uint32_t tag = 0;
        Value value{};
    };
    // Eight bytes at a time, one multiply each (FNV's multiply per byte was most of a probe):
    // words are short and the hash need not resist attack (the words are ours).
    static std::uint64_t hash(std::string_view w) {
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
    // The word's slot, or the empty one where it would go (the table is never full).
    static std::size_t slot_of(const std::vector<Slot>& slots, std::string_view word,
                               std::uint64_t h) {
        const std::size_t mask = slots.size() - 1;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask;; i = (i + 1) & mask)
            if (slots[i].word.data() == nullptr || (slots[i].tag == tag && slots[i].word == word))
                return i;
    }
    void grow() {
        std::vector<Slot> old(slots_.empty() ? 0 : slots_.size() * 2);
        old.swap(slots_);
        if (slots_.empty()) slots_.resize(64);
        for (const Slot& s : old)
            if (s.word.data() != nullptr) slots_[slot_of(slots_, s.word, hash(s.word))] = s;
    }
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

}  // namespace mapwire::geoparse::detail
