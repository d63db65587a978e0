/**
 * Cities where partnerships are raised: capitals and the main cities of the
 * countries Viet Nam and its partners meet in, with Vietnamese spellings.
 * Used to find the place of an upgrade ("talks in Canberra") and datelines
 * ("HANOI —").
 */
export const CITIES: readonly string[] = (
  "Hanoi,Ha Noi,Hà Nội,Ho Chi Minh City,HCM City,Saigon,Da Nang,Đà Nẵng,Hai Phong,Hải Phòng,Can Tho,Cần Thơ,Hue,Huế," +
  "Ha Long,Hạ Long,Nha Trang,Quang Ninh,Quảng Ninh,Bac Ninh,Bắc Ninh," +
  "London,Edinburgh,Manchester,Washington,Washington D.C.,New York,San Francisco,Los Angeles,Honolulu,Canberra,Sydney," +
  "Melbourne,Brisbane,Perth,Adelaide,Paris,Lyon,Marseille,Tokyo,Osaka,Kyoto,Hiroshima,Nagoya,Beijing,Shanghai," +
  "Guangzhou,Shenzhen,Moscow,Saint Petersburg,St Petersburg,Sochi,Vladivostok,New Delhi,Delhi,Mumbai,Jakarta,Bali," +
  "Seoul,Busan,Singapore,Berlin,Munich,Frankfurt,Hamburg,Rome,Milan,Madrid,Barcelona,Amsterdam,The Hague,Brussels," +
  "Ottawa,Toronto,Vancouver,Wellington,Auckland,Kuala Lumpur,Putrajaya,Bangkok,Vientiane,Phnom Penh,Manila," +
  "Yangon,Naypyidaw,Nay Pyi Taw,Bandar Seri Begawan,Dili,Ulaanbaatar,Brasilia,Brasília,Sao Paulo,São Paulo,Rio de Janeiro," +
  "Buenos Aires,Santiago,Mexico City,Lima,Bogota,Havana,Pretoria,Cape Town,Johannesburg,Cairo,Abuja,Lagos,Nairobi," +
  "Addis Ababa,Rabat,Algiers,Riyadh,Abu Dhabi,Dubai,Doha,Kuwait City,Tehran,Baghdad,Jerusalem,Tel Aviv,Ankara," +
  "Istanbul,Islamabad,Dhaka,Colombo,Kathmandu,Astana,Tashkent,Kyiv,Kiev,Minsk,Warsaw,Prague,Bratislava,Budapest," +
  "Bucharest,Sofia,Athens,Lisbon,Luxembourg,Bern,Geneva,Zurich,Vienna,Stockholm,Oslo,Copenhagen,Helsinki,Reykjavik," +
  "Dublin,Tallinn,Riga,Vilnius,Ljubljana,Zagreb,Belgrade,Sarajevo,Podgorica,Skopje,Tirana,Chisinau,Tbilisi,Yerevan," +
  "Baku,Nicosia,Valletta,Davos,Apec,Vatican City,Phu Quoc,Phú Quốc"
)
  .split(",")
  .filter((c) => c !== "Apec");

/**
 * Common Vietnamese family names (accent-free, lower-case). A person whose name
 * starts with one and who is written with diacritics or in a Viet Nam context
 * is taken to be Vietnamese when no title says otherwise.
 */
export const VIETNAMESE_SURNAMES: ReadonlySet<string> = new Set(
  (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly to dinh lam trinh mai truong luong " +
    "dao doan kieu quach ha cao chu giang khuc lai luu mac nong phung quan ta thai than tieu tong trieu van vuong " +
    "la lu thach au diep dong kim lieu nghiem tang"
  ).split(" "),
);
