// A read-only set of words with a small value each, in one flat open-addressing table: the
// geoparser asks it about every token, and std::unordered_map's nodes and prime-modulo
// buckets cost more than the question (a probe here is a multiply, a mask and a compare).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace mapwire::geoparse::detail {

template <typename Value>
class WordTable {
public:
    // Views must outlive the table. Adding a word again combines values with |.
    void add(std::string_view word, Value value) {
        if ((used_ + 1) * 10 > slots_.size() * 7) grow();
        Slot& s = slots_[slot_of(slots_, word)];
        if (s.word.data() == nullptr) {
            s.word = word;
            ++used_;
        }
        s.value = static_cast<Value>(s.value | value);
    }
    // The word's value, or Value{} when absent.
    Value find(std::string_view word) const {
        if (slots_.empty()) return Value{};
        const Slot& s = slots_[slot_of(slots_, word)];
        return s.word.data() == nullptr ? Value{} : s.value;
    }

private:
    struct Slot {
        std::string_view word;  // data() == nullptr: empty
        Value value{};
    };
    // FNV-1a: words are short and the hash need not resist attack (the words are ours).
    static std::uint64_t hash(std::string_view w) {
        std::uint64_t h = 14695981039346656037ull;
        for (const char c : w) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ull;
        }
        return h;
    }
    // The word's slot, or the empty one where it would go (the table is never full).
    static std::size_t slot_of(const std::vector<Slot>& slots, std::string_view word) {
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = hash(word) & mask;; i = (i + 1) & mask)
            if (slots[i].word.data() == nullptr || slots[i].word == word) return i;
    }
    void grow() {
        std::vector<Slot> old(slots_.empty() ? 0 : slots_.size() * 2);
        old.swap(slots_);
        if (slots_.empty()) slots_.resize(64);
        for (const Slot& s : old)
            if (s.word.data() != nullptr) slots_[slot_of(slots_, s.word)] = s;
    }
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

}  // namespace mapwire::geoparse::detail
