/*
 * Reference values for test/stats/random.test.ts, computed outside prepost.
 * xoshiro128** 1.1 as in https://prng.di.unimi.it/xoshiro128starstar.c and SplitMix64 as in
 * https://prng.di.unimi.it/splitmix64.c (both Blackman & Vigna, public domain), plus the stream
 * derivation documented in src/stats/random-stream.ts.
 *
 *   cc -O2 -o /tmp/random-reference test/stats/reference/random.c && /tmp/random-reference
 */
#include <stdint.h>
#include <stdio.h>

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t s[4];

static uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static uint64_t splitmix64_first(uint64_t x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* FNV-1a, 64-bit (http://www.isthe.com/chongo/tech/comp/fnv/), over the bytes of a UTF-8 string. */
static uint64_t fnv1a64(const char *text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) hash = (hash ^ *p) * 0x100000001b3ULL;
  return hash;
}

/* A breakdown row's group (a NULL group for every other row) adds one step after the sample's. */
static void stream_state(int64_t seed, int64_t outcome, int64_t row, int64_t sample, const char *group) {
  uint64_t key = splitmix64_first((uint64_t)seed);
  key = splitmix64_first(key ^ (uint64_t)outcome);
  key = splitmix64_first(key ^ (uint64_t)row);
  key = splitmix64_first(key ^ (uint64_t)sample);
  if (group) key = splitmix64_first(key ^ fnv1a64(group));
  uint64_t z1 = splitmix64_first(key);
  uint64_t z2 = splitmix64_first(key + 0x9e3779b97f4a7c15ULL);
  s[0] = (uint32_t)z1; s[1] = (uint32_t)(z1 >> 32); s[2] = (uint32_t)z2; s[3] = (uint32_t)(z2 >> 32);
}

/* Lemire's method with 16 bits on each half of an output, high half first (fillUniformInts, n <= 2^16). */
static void fill_uniform16(uint32_t *target, unsigned length, uint32_t n) {
  const uint32_t threshold = 65536u % n;
  unsigned filled = 0;
  while (filled < length) {
    const uint32_t output = next();
    const uint32_t high = (output >> 16) * n;
    if ((high & 0xffff) >= threshold) target[filled++] = high >> 16;
    if (filled < length) {
      const uint32_t low = (output & 0xffff) * n;
      if ((low & 0xffff) >= threshold) target[filled++] = low >> 16;
    }
  }
}

int main(void) {
  s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
  printf("state [1,2,3,4], outputs 1-8:");
  for (int i = 0; i < 8; i++) printf(" %u", next());
  for (int i = 8; i < 1000; i++) next();
  printf("\nstate [1,2,3,4], output 1001: %u\n", next());

  int64_t tuples[][4] = { {1, 0, 0, 0}, {1, 0, -1, 0}, {1, 1, 2, 1}, {0, 0, 0, 0}, {-7, 1, 3, 0},
                          {9007199254740991LL, 0, 0, 1}, {1, 0, -1, 2}, {1, 3, -1, 3}, {1, 0, 0, 0}, {1, 2, -1, 0} };
  const char *groups[] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "age_band=35-54", "sex=F" };
  for (unsigned i = 0; i < sizeof tuples / sizeof tuples[0]; i++) {
    stream_state(tuples[i][0], tuples[i][1], tuples[i][2], tuples[i][3], groups[i]);
    if (groups[i]) printf("group %s: ", groups[i]);
    printf("stream(%lld, %lld, %lld, %lld): state %u %u %u %u, outputs", (long long)tuples[i][0],
           (long long)tuples[i][1], (long long)tuples[i][2], (long long)tuples[i][3], s[0], s[1], s[2], s[3]);
    for (int j = 0; j < 3; j++) printf(" %u", next());
    printf("\n");
  }

  uint32_t draws[12];
  const uint32_t bounds[] = { 6000, 40000, 65536, 1 };
  for (unsigned b = 0; b < sizeof bounds / sizeof bounds[0]; b++) {
    s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
    fill_uniform16(draws, 11, bounds[b]);
    printf("state [1,2,3,4], fill 11 below %u:", bounds[b]);
    for (int i = 0; i < 11; i++) printf(" %u", draws[i]);
    printf(", then output %u\n", next());
  }
  return 0;
}
