import type { DemoPartnership } from "../demo-schema.ts";

/**
 * Viet Nam–United Kingdom. Entente's own summary for demonstration; facts
 * from the references below. Commitments are paraphrased, not quoted.
 */
export const gbVn: DemoPartnership = {
  partnership: {
    slug: "gb-vn",
    parties: ["GB", "VN"],
    title: "United Kingdom–Viet Nam Comprehensive Strategic Partnership",
    level: "Comprehensive Strategic Partnership",
    since: "2025-10-29",
    place: "London",
    foundingDocument: "Joint Statement on the UK–Viet Nam Comprehensive Strategic Partnership (2025)",
    history: [
      {
        level: "Strategic Partnership",
        since: "2010-09-08",
        place: "London",
        document: "Joint Declaration on the Strategic Partnership (2010)",
        sourceUrl: "https://www.gov.uk/government/news/uk-and-vietnam-sign-strategic-partnership",
      },
    ],
    settings: { singleSideSignoff: false },
  },
  references: [
    {
      title: "UK–Vietnam Free Trade Agreement: guidance",
      publisher: "UK Department for Business and Trade",
      url: "https://www.gov.uk/government/collections/uk-vietnam-free-trade-agreement",
    },
    {
      title:
        "Political Declaration on establishing the Just Energy Transition Partnership with Viet Nam (14 December 2022)",
      publisher: "European Commission / International Partners Group",
      url: "https://ec.europa.eu/commission/presscorner/detail/en/statement_22_7724",
    },
    {
      title: "Trade and Investment Factsheet: Vietnam",
      publisher: "UK Department for Business and Trade",
      url: "https://www.gov.uk/government/statistics/trade-and-investment-factsheets-partner-names",
    },
  ],
  history: [
    { date: "1973-09", event: "The two countries open diplomatic relations" },
    { date: "2010-09", event: "Relations raised to a Strategic Partnership" },
    { date: "2020-12-29", event: "The bilateral free trade agreement is signed" },
    {
      date: "2022-12-14",
      event: "The Just Energy Transition Partnership with Viet Nam is launched, the UK co-leading it",
    },
  ],
  pillars: [
    { code: "P1", name: "Political trust, defence and security", nameVi: "Tin cậy chính trị, quốc phòng và an ninh" },
    { code: "P2", name: "Trade, investment and finance", nameVi: "Thương mại, đầu tư và tài chính" },
    { code: "P3", name: "Science, technology and innovation", nameVi: "Khoa học, công nghệ và đổi mới sáng tạo" },
    { code: "P4", name: "Climate, energy and green growth", nameVi: "Khí hậu, năng lượng và tăng trưởng xanh" },
    { code: "P5", name: "Education, health and people-to-people ties", nameVi: "Giáo dục, y tế và giao lưu nhân dân" },
    { code: "P6", name: "Regional and multilateral cooperation", nameVi: "Hợp tác khu vực và đa phương" },
  ],
  instruments: [
    {
      key: "ukvfta",
      name: "UK–Viet Nam Free Trade Agreement",
      aliases: ["UKVFTA"],
      kind: "free-trade agreement",
      status: "in force",
      signedOn: "2020-12-29",
      inForceOn: "2021-05-01",
      url: "https://www.gov.uk/government/collections/uk-vietnam-free-trade-agreement",
    },
    {
      key: "jetp",
      name: "Just Energy Transition Partnership",
      aliases: ["JETP"],
      kind: "partnership programme",
      status: "in implementation",
      signedOn: "2022-12-14",
    },
    {
      key: "cptpp",
      name: "Comprehensive and Progressive Agreement for Trans-Pacific Partnership",
      aliases: ["CPTPP"],
      kind: "free-trade agreement",
      status: "in force",
      inForceOn: "2024-12-15",
    },
    {
      key: "sp2010",
      name: "Joint Declaration on the Strategic Partnership",
      kind: "declaration",
      status: "superseded",
      signedOn: "2010-09-08",
    },
    {
      key: "csp2025",
      name: "Joint Statement on the Comprehensive Strategic Partnership",
      kind: "declaration",
      status: "adopted",
      signedOn: "2025-10-29",
    },
    {
      key: "jap",
      name: "Joint Action Plan for the Comprehensive Strategic Partnership",
      kind: "action plan",
      status: "in preparation",
    },
  ],
  commitments: [
    {
      code: "C1",
      pillar: "P1",
      text: "Hold a strategic dialogue between the foreign ministries every year",
      actors: ["United Kingdom", "Viet Nam"],
    },
    {
      code: "C2",
      pillar: "P1",
      text: "Broaden defence exchanges, including officer training and UN peacekeeping support",
      actors: ["United Kingdom", "Viet Nam"],
    },
    {
      code: "C3",
      pillar: "P1",
      text: "Work together against organised immigration crime and people smuggling",
      actors: ["United Kingdom", "Viet Nam"],
    },
    {
      code: "C4",
      pillar: "P2",
      text: "Use the bilateral free trade agreement fully to grow goods and services trade",
      actors: ["United Kingdom", "Viet Nam"],
      instrument: "ukvfta",
    },
    {
      code: "C5",
      pillar: "P2",
      text: "Help Viet Nam develop an international financial centre and green finance market",
      actors: ["United Kingdom"],
    },
    {
      code: "C6",
      pillar: "P3",
      text: "Run joint research calls in digital technology, biotechnology and semiconductors",
      actors: ["United Kingdom", "Viet Nam"],
    },
    {
      code: "C7",
      pillar: "P4",
      text: "Mobilise public and private finance for Viet Nam's energy transition",
      actors: ["United Kingdom"],
      instrument: "jetp",
    },
    {
      code: "C8",
      pillar: "P4",
      text: "Share experience on offshore wind planning, grid upgrades and storage",
      actors: ["United Kingdom", "Viet Nam"],
      instrument: "jetp",
    },
    {
      code: "C9",
      pillar: "P5",
      text: "Increase scholarships and university partnerships, including transnational degree programmes",
      actors: ["United Kingdom", "Viet Nam"],
    },
    {
      code: "C10",
      pillar: "P5",
      text: "Expand English-language teaching and teacher training in Viet Nam",
      actors: ["United Kingdom"],
    },
    {
      code: "C11",
      pillar: "P5",
      text: "Cooperate on health system resilience and antimicrobial resistance",
      actors: ["United Kingdom", "Viet Nam"],
    },
    {
      code: "C12",
      pillar: "P6",
      text: "Coordinate positions in ASEAN-led forums and at the United Nations",
      actors: ["United Kingdom", "Viet Nam"],
    },
    {
      code: "C13",
      pillar: "P2",
      text: "Adopt a Joint Action Plan to put the partnership into practice",
      actors: ["United Kingdom", "Viet Nam"],
      instrument: "jap",
    },
  ],
  targets: [
    {
      text: "Two-way trade at twice its 2022 level",
      kind: "relative",
      multiple: 2,
      unit: "USD billion",
      indicator: "trade-vn-stats",
      baselinePeriod: "2022",
      deadline: "2030",
      deadlineAssumed: true,
      commitment: "C4",
    },
    {
      text: "Viet Nam reaches net-zero emissions by 2050",
      kind: "absolute",
      targetValue: 0,
      unit: "MtCO2e",
      deadline: "2050",
      commitment: "C7",
    },
  ],
};
