/**
 * Partnership levels, longest first so "Comprehensive Strategic Partnership"
 * wins over "Strategic Partnership". `rank` orders levels from lowest to
 * highest; an upgrade goes to a higher rank. Vietnamese forms map to the same
 * English level.
 */
export interface LevelEntry {
  name: string;
  rank: number;
  forms: string[];
}

export const LEVELS: readonly LevelEntry[] = [
  {
    name: "Comprehensive Strategic Cooperative Partnership",
    rank: 6,
    forms: [
      "comprehensive strategic cooperative partnership",
      "comprehensive strategic cooperation partnership",
      "đối tác hợp tác chiến lược toàn diện",
    ],
  },
  {
    name: "Extensive Strategic Partnership",
    rank: 4,
    forms: ["extensive strategic partnership", "đối tác chiến lược sâu rộng"],
  },
  {
    name: "Comprehensive Strategic Partnership",
    rank: 5,
    forms: ["comprehensive strategic partnership", "đối tác chiến lược toàn diện"],
  },
  { name: "Enhanced Strategic Partnership", rank: 4, forms: ["enhanced strategic partnership"] },
  { name: "Global Strategic Partnership", rank: 4, forms: ["global strategic partnership"] },
  { name: "Special Strategic Partnership", rank: 4, forms: ["special strategic partnership"] },
  {
    name: "Strategic Partnership",
    rank: 3,
    forms: ["strategic partnership", "strategic partnership framework", "đối tác chiến lược"],
  },
  { name: "Enhanced Comprehensive Partnership", rank: 2, forms: ["enhanced comprehensive partnership"] },
  { name: "Comprehensive Partnership", rank: 1, forms: ["comprehensive partnership", "đối tác toàn diện"] },
];

/** The level whose name or form equals a phrase (diacritic- and case-insensitive keys). */
export function levelByName(name: string): LevelEntry | undefined {
  const key = name.toLowerCase();
  return LEVELS.find((l) => l.name.toLowerCase() === key);
}
