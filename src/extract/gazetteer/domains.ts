/**
 * Cooperation domains and the word stems that signal them. Pillars are matched
 * to domains by their names; commitments are assigned to the pillar whose
 * domain their words share most. Stems are 6-character prefixes of
 * accent-free lower-case words (see `stem` in text-keys.ts).
 */
export interface Domain {
  id: string;
  /** A readable name used when a text lists areas but no named pillars. */
  name: string;
  stems: string[];
}

export const DOMAINS: readonly Domain[] = [
  {
    id: "politics-security",
    name: "Politics, diplomacy, defence and security",
    stems:
      "politi diplom defenc securi milita army navy peacek border crime crimin traffi migrat illega terror cyber police law-en delega parlia legisl trust high-l exchan visit nation return biomet travel monito bilate mechan coast maritime maritim intell weapon mine uxo dioxin agent war-le missin remain".split(
        " ",
      ),
  },
  {
    id: "economy-trade",
    name: "Economy, trade, investment and finance",
    stems:
      "econom trade invest financ market busine enterp compan commer export import tariff supply chain e-comm ecomme bank capita fiscal tax custom logist agricu farm food fisher servic tradin retail hub centre center indust manufa infras transp railwa port airpor aviati connec rules".split(
        " ",
      ),
  },
  {
    id: "science-technology",
    name: "Science, technology, innovation and digital transformation",
    stems:
      "scienc scient techno innova digita resear semico artifi ai data telec space aerosp biomed biotec health health medica pharma hospit vaccin quantu startu intell patent knowle".split(
        " ",
      ),
  },
  {
    id: "environment-energy",
    name: "Environment, energy and green transition",
    stems:
      "enviro energy energi green climat emissi net ze zero carbon renewa solar wind offsho nuclea hydrog lng transi sustai resili disast water mekong biodiv forest pollut plasti ocean".split(
        " ",
      ),
  },
  {
    id: "education-people",
    name: "Education, culture, tourism and people-to-people exchanges",
    stems:
      "educat cultur sport touris people langua englis french japane studen schola univer school traini human labour worker commun diaspo youth art herita equali gender social".split(
        " ",
      ),
  },
  {
    id: "regional-international",
    name: "Coordination on regional and international issues",
    stems:
      "region intern global multil asean un united apec g20 navig overfl dispute east south-c charter unclos peace stabil order forums forum indo-p pacifi mekong".split(
        " ",
      ),
  },
];
