/**
 * Titles and roles that introduce a person's name ("Prime Minister Keir
 * Starmer"), lower-case and without diacritics. Longer titles are tried first.
 * Vietnamese titles map people in Vietnamese texts.
 */
export const TITLES: readonly string[] = [
  "general secretary",
  "secretary general",
  "secretary-general",
  "party general secretary",
  "party chief",
  "prime minister",
  "deputy prime minister",
  "permanent deputy prime minister",
  "vice prime minister",
  "president",
  "vice president",
  "state president",
  "vice-president",
  "chairman",
  "chairwoman",
  "chairperson",
  "foreign minister",
  "deputy foreign minister",
  "minister",
  "deputy minister",
  "vice minister",
  "state minister",
  "minister of state",
  "secretary of state",
  "under secretary",
  "foreign secretary",
  "home secretary",
  "defence secretary",
  "defense secretary",
  "trade secretary",
  "business secretary",
  "commerce secretary",
  "treasury secretary",
  "energy secretary",
  "secretary",
  "ambassador",
  "consul general",
  "chancellor",
  "vice chancellor",
  "king",
  "queen",
  "emperor",
  "empress",
  "crown prince",
  "prince",
  "princess",
  "sultan",
  "premier",
  "governor",
  "mayor",
  "senator",
  "speaker",
  "chief executive",
  "director general",
  "director-general",
  "commissioner",
  "chief of staff",
  "general",
  "admiral",
  "senior lieutenant general",
  "lieutenant general",
  "trade minister",
  "defence minister",
  "defense minister",
  "finance minister",
  "industry minister",
  "national security adviser",
  "national security advisor",
  "special envoy",
  "envoy",
  "his majesty",
  "her majesty",
  "mr",
  "mrs",
  "ms",
  "madam",
  "dr",
  "professor",
  "prof",
  "tong bi thu",
  "thu tuong",
  "pho thu tuong",
  "chu tich nuoc",
  "chu tich quoc hoi",
  "chu tich",
  "bo truong",
  "thu truong",
  "dai su",
  "tong thong",
  "pho tong thong",
  "quoc vuong",
  "nha vua",
];

/** Words that may qualify a title and belong to the role ("former Prime Minister"). */
export const TITLE_QUALIFIERS: readonly string[] = ["former", "then", "acting", "outgoing", "incoming", "late"];

/** Titles that are forms of address rather than roles: they name a person but say nothing of the office. */
export const HONORIFICS: ReadonlySet<string> = new Set(["mr", "mrs", "ms", "madam", "dr", "professor", "prof"]);

/**
 * Words that name a ministerial portfolio ("Minister of Foreign Affairs",
 * "Minister of Industry and Trade"), so the words after the title can be told
 * apart from the person's name.
 */
export const PORTFOLIO_WORDS: ReadonlySet<string> = new Set(
  (
    "foreign affairs trade industry defence defense finance planning investment home education training health " +
    "science technology natural resources environment agriculture rural development labour labor invalids social " +
    "justice public security transport transportation construction culture sports sport tourism information " +
    "communications communication economy economic economics commerce energy interior state climate business " +
    "international cooperation digital employment immigration veterans women youth national affairs industries " +
    "innovation and of for the & treasury budget home office commonwealth pacific asia europe relations global " +
    "policy strategy security services infrastructure regional water resources fisheries forestry ethnic minorities " +
    "overseas external internal mines mining power petroleum oil gas"
  ).split(" "),
);

/**
 * Capitalised words that belong to organisation or place names, never to a
 * person's name: they stop a name scan ("Central Committee To Lam").
 */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(
  (
    "party committee central communist government ministry university council national assembly embassy airport " +
    "group house lords commons royal family parliament institute bank corporation company office department agency " +
    "forum summit conference city province street palace hall building state republic kingdom federation union " +
    "people people's army navy force forces police court association organisation organization network centre " +
    "center college school academy foundation fund trust club society commission secretariat cabinet senate congress " +
    "politburo board press news agency vna vns times post daily herald tribune journal television radio airline " +
    "airlines air group holdings joint stock limited ltd plc inc co corp media region island islands sea ocean river " +
    "north south east west northern southern eastern western new great united nations the of and for " +
    "minister secretary president general prime deputy foreign chairman ambassador chancellor speaker his her " +
    "majesty excellency mr mrs ms dr sir dame lord lady photo source reuters afp ap xinhua copyright " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "leader chief official spokesperson spokesman spokeswoman delegation visit talks"
  ).split(" "),
);
