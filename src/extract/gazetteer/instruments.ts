/**
 * Agreement kinds: the head nouns that end (or carry) an instrument's name,
 * and the kind each one gives. Checked against lower-case, accent-free words.
 */
export interface InstrumentHead {
  /** Lower-case words of the head, e.g. ["free", "trade", "agreement"]. */
  words: string[];
  kind: string;
}

const heads = (kind: string, ...phrases: string[]): InstrumentHead[] =>
  phrases.map((p) => ({ words: p.split(" "), kind }));

/** Longest heads first: "free trade agreement" before "agreement". */
export const INSTRUMENT_HEADS: readonly InstrumentHead[] = [
  ...heads("free-trade agreement", "free trade agreement", "free trade area", "free-trade agreement", "fta"),
  ...heads(
    "economic partnership agreement",
    "economic partnership agreement",
    "comprehensive economic partnership agreement",
    "economic cooperation agreement",
  ),
  ...heads(
    "investment agreement",
    "investment protection agreement",
    "investment agreement",
    "investment treaty",
    "bilateral investment treaty",
  ),
  ...heads(
    "memorandum of understanding",
    "memorandum of understanding",
    "memoranda of understanding",
    "memorandums of understanding",
    "mou",
    "mous",
    "memorandum",
    "letter of intent",
  ),
  ...heads(
    "joint statement",
    "joint declaration",
    "joint statement",
    "joint communique",
    "joint vision statement",
    "joint vision",
    "declaration",
    "statement",
  ),
  ...heads(
    "action plan",
    "joint action plan",
    "action plan",
    "action programme",
    "action program",
    "roadmap",
    "road map",
    "plan",
  ),
  ...heads("treaty", "treaty"),
  ...heads("convention", "convention"),
  ...heads("charter", "charter"),
  ...heads("protocol", "protocol", "accord", "pact", "compact", "arrangement"),
  ...heads(
    "partnership programme",
    "partnership",
    "programme",
    "program",
    "initiative",
    "facility",
    "alliance",
    "scheme",
    "project",
  ),
  ...heads("fund", "fund", "scholarship fund", "scholarship", "scholarships", "fellowship"),
  ...heads("agreement", "agreement", "agreements"),
  ...heads("mechanism", "dialogue", "mechanism", "committee", "commission", "network", "framework", "forum", "council"),
];

/**
 * Well-known multilateral instruments: an acronym in one source and the full
 * name in another are the same item.
 */
export const KNOWN_INSTRUMENTS: ReadonlyArray<{ name: string; aliases: string[]; kind: string }> = [
  {
    name: "Comprehensive and Progressive Agreement for Trans-Pacific Partnership",
    aliases: ["CPTPP"],
    kind: "free-trade agreement",
  },
  { name: "Regional Comprehensive Economic Partnership", aliases: ["RCEP"], kind: "free-trade agreement" },
  { name: "United Nations Convention on the Law of the Sea", aliases: ["UNCLOS", "UNCLOS 1982"], kind: "convention" },
  { name: "Paris Agreement", aliases: ["Paris Climate Agreement"], kind: "agreement" },
  { name: "Charter of the United Nations", aliases: ["UN Charter", "United Nations Charter"], kind: "charter" },
  { name: "Just Energy Transition Partnership", aliases: ["JETP"], kind: "partnership programme" },
  { name: "EU–Viet Nam Free Trade Agreement", aliases: ["EVFTA"], kind: "free-trade agreement" },
  { name: "EU–Viet Nam Investment Protection Agreement", aliases: ["EVIPA"], kind: "investment agreement" },
  { name: "ASEAN–Australia–New Zealand Free Trade Area", aliases: ["AANZFTA"], kind: "free-trade agreement" },
  { name: "Indo-Pacific Economic Framework for Prosperity", aliases: ["IPEF"], kind: "mechanism" },
  { name: "ASEAN Charter", aliases: [], kind: "charter" },
  { name: "Viet Nam–Japan Economic Partnership Agreement", aliases: ["VJEPA"], kind: "economic partnership agreement" },
  {
    name: "ASEAN–Japan Comprehensive Economic Partnership",
    aliases: ["AJCEP"],
    kind: "economic partnership agreement",
  },
  { name: "ASEAN–Korea Free Trade Area", aliases: ["AKFTA"], kind: "free-trade agreement" },
  { name: "Viet Nam–Korea Free Trade Agreement", aliases: ["VKFTA"], kind: "free-trade agreement" },
  { name: "Korea–Viet Nam Free Trade Agreement", aliases: ["KVFTA"], kind: "free-trade agreement" },
  { name: "UK–Viet Nam Free Trade Agreement", aliases: ["UKVFTA"], kind: "free-trade agreement" },
  { name: "ASEAN Trade in Goods Agreement", aliases: ["ATIGA"], kind: "free-trade agreement" },
];
