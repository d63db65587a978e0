/**
 * Countries Entente knows by ISO 3166-1 alpha-2 code, with canonical English
 * and Vietnamese names (the names Viet Nam's Ministry of Foreign Affairs uses).
 */
export interface Country {
  code: string;
  en: string;
  vi: string;
}

export const COUNTRIES: readonly Country[] = [
  { code: "VN", en: "Viet Nam", vi: "Việt Nam" },
  { code: "GB", en: "United Kingdom", vi: "Vương quốc Anh" },
  { code: "AU", en: "Australia", vi: "Australia" },
  { code: "FR", en: "France", vi: "Pháp" },
  { code: "JP", en: "Japan", vi: "Nhật Bản" },
  { code: "US", en: "United States", vi: "Hoa Kỳ" },
  { code: "CN", en: "China", vi: "Trung Quốc" },
  { code: "RU", en: "Russia", vi: "Nga" },
  { code: "IN", en: "India", vi: "Ấn Độ" },
  { code: "KR", en: "Republic of Korea", vi: "Hàn Quốc" },
  { code: "SG", en: "Singapore", vi: "Singapore" },
  { code: "ID", en: "Indonesia", vi: "Indonesia" },
  { code: "MY", en: "Malaysia", vi: "Malaysia" },
  { code: "TH", en: "Thailand", vi: "Thái Lan" },
  { code: "LA", en: "Laos", vi: "Lào" },
  { code: "KH", en: "Cambodia", vi: "Campuchia" },
  { code: "PH", en: "Philippines", vi: "Philippines" },
  { code: "NZ", en: "New Zealand", vi: "New Zealand" },
  { code: "DE", en: "Germany", vi: "Đức" },
  { code: "IT", en: "Italy", vi: "Italy" },
  { code: "ES", en: "Spain", vi: "Tây Ban Nha" },
  { code: "NL", en: "Netherlands", vi: "Hà Lan" },
  { code: "CA", en: "Canada", vi: "Canada" },
  { code: "BR", en: "Brazil", vi: "Brazil" },
  { code: "AR", en: "Argentina", vi: "Argentina" },
  { code: "CL", en: "Chile", vi: "Chile" },
  { code: "MX", en: "Mexico", vi: "Mexico" },
  { code: "ZA", en: "South Africa", vi: "Nam Phi" },
  { code: "AE", en: "United Arab Emirates", vi: "Các Tiểu vương quốc Ả Rập Thống nhất" },
  { code: "SA", en: "Saudi Arabia", vi: "Ả Rập Xê Út" },
  { code: "TR", en: "Turkey", vi: "Thổ Nhĩ Kỳ" },
  { code: "IL", en: "Israel", vi: "Israel" },
  { code: "CZ", en: "Czechia", vi: "Séc" },
  { code: "PL", en: "Poland", vi: "Ba Lan" },
  { code: "HU", en: "Hungary", vi: "Hungary" },
  { code: "BE", en: "Belgium", vi: "Bỉ" },
  { code: "CH", en: "Switzerland", vi: "Thụy Sĩ" },
  { code: "SE", en: "Sweden", vi: "Thụy Điển" },
  { code: "NO", en: "Norway", vi: "Na Uy" },
  { code: "DK", en: "Denmark", vi: "Đan Mạch" },
  { code: "FI", en: "Finland", vi: "Phần Lan" },
  { code: "IE", en: "Ireland", vi: "Ireland" },
  { code: "AT", en: "Austria", vi: "Áo" },
  { code: "PT", en: "Portugal", vi: "Bồ Đào Nha" },
  { code: "GR", en: "Greece", vi: "Hy Lạp" },
  { code: "UA", en: "Ukraine", vi: "Ukraine" },
  { code: "KZ", en: "Kazakhstan", vi: "Kazakhstan" },
  { code: "MN", en: "Mongolia", vi: "Mông Cổ" },
  { code: "MM", en: "Myanmar", vi: "Myanmar" },
  { code: "BN", en: "Brunei", vi: "Brunei" },
  { code: "TL", en: "Timor-Leste", vi: "Timor-Leste" },
  { code: "BD", en: "Bangladesh", vi: "Bangladesh" },
  { code: "PK", en: "Pakistan", vi: "Pakistan" },
  { code: "EG", en: "Egypt", vi: "Ai Cập" },
  { code: "NG", en: "Nigeria", vi: "Nigeria" },
  { code: "CU", en: "Cuba", vi: "Cuba" },
];

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

export function findCountry(code: string): Country | undefined {
  return byCode.get(code.toUpperCase());
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

const ALIASES: Record<string, string> = {
  vietnam: "VN",
  uk: "GB",
  britain: "GB",
  greatbritain: "GB",
  usa: "US",
  unitedstatesofamerica: "US",
  southkorea: "KR",
  korea: "KR",
};

/** Finds a country by its English or Vietnamese name (diacritics and spacing ignored). */
export function findCountryByName(name: string): Country | undefined {
  const key = fold(name);
  const alias = ALIASES[key];
  if (alias) return byCode.get(alias);
  return COUNTRIES.find((c) => fold(c.en) === key || fold(c.vi) === key);
}
