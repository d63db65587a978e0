/**
 * Countries (all UN members and a few more) with the names texts use for them.
 * One line per country: canonical English name | other English names and
 * abbreviations | demonyms | Vietnamese names. Matching is diacritic- and
 * case-insensitive except for all-capital abbreviations (US, UK), which must
 * be written in capitals so "us" the pronoun is not the United States.
 */
const TABLE = `
Viet Nam|Vietnam,Việt Nam,Socialist Republic of Viet Nam,Socialist Republic of Vietnam,VN|Vietnamese,Việt Namese|Việt Nam
United Kingdom|UK,U.K.,Britain,Great Britain,United Kingdom of Great Britain and Northern Ireland,England,Scotland,Wales|British,Scottish,Welsh|Vương quốc Anh,Anh
United States|US,U.S.,USA,U.S.A.,America,United States of America|American|Hoa Kỳ,Mỹ
Australia|Commonwealth of Australia|Australian|Australia,Úc
France|French Republic|French|Pháp
Japan||Japanese|Nhật Bản,Nhật
China|People's Republic of China,PRC,Mainland China|Chinese|Trung Quốc
Russia|Russian Federation|Russian|Nga,Liên bang Nga
India|Republic of India|Indian|Ấn Độ
Indonesia|Republic of Indonesia|Indonesian|Indonesia
Republic of Korea|South Korea,Korea,ROK|South Korean,Korean|Hàn Quốc
Democratic People's Republic of Korea|North Korea,DPRK|North Korean|Triều Tiên
Singapore|Republic of Singapore|Singaporean|Singapore
Germany|Federal Republic of Germany|German|Đức
Italy|Italian Republic|Italian|Italy,Ý
Spain|Kingdom of Spain|Spanish|Tây Ban Nha
Netherlands|the Netherlands,Holland|Dutch|Hà Lan
Canada||Canadian|Canada
New Zealand|Aotearoa|New Zealander,Kiwi|New Zealand
Malaysia||Malaysian|Malaysia
Thailand|Kingdom of Thailand|Thai|Thái Lan
Laos|Lao PDR,Lao People's Democratic Republic,Lao|Laotian|Lào
Cambodia|Kingdom of Cambodia|Cambodian|Campuchia
Philippines|the Philippines|Filipino,Philippine|Philippines,Phi-líp-pin
Myanmar|Burma|Myanmar,Burmese|Myanmar
Brunei|Brunei Darussalam|Bruneian|Brunei
Timor-Leste|East Timor|Timorese|Timor-Leste,Đông Timor
Mongolia||Mongolian|Mông Cổ
Brazil|Federative Republic of Brazil|Brazilian|Brazil
Argentina||Argentine,Argentinian|Argentina
Chile||Chilean|Chile
Mexico||Mexican|Mexico
Peru||Peruvian|Peru
Colombia||Colombian|Colombia
Venezuela||Venezuelan|Venezuela
Cuba||Cuban|Cuba
South Africa||South African|Nam Phi
Egypt||Egyptian|Ai Cập
Nigeria||Nigerian|Nigeria
Kenya||Kenyan|Kenya
Ethiopia||Ethiopian|Ethiopia
Morocco||Moroccan|Ma-rốc,Morocco
Algeria||Algerian|Algeria
Saudi Arabia||Saudi|Ả Rập Xê Út,Saudi Arabia
United Arab Emirates|UAE,the Emirates|Emirati|Các Tiểu vương quốc Ả Rập Thống nhất,UAE
Qatar||Qatari|Qatar
Kuwait||Kuwaiti|Kuwait
Iran||Iranian|Iran
Iraq||Iraqi|Iraq
Israel||Israeli|Israel
Turkey|Türkiye|Turkish|Thổ Nhĩ Kỳ
Pakistan||Pakistani|Pakistan
Bangladesh||Bangladeshi|Bangladesh
Sri Lanka||Sri Lankan|Sri Lanka
Nepal||Nepali,Nepalese|Nepal
Kazakhstan||Kazakh,Kazakhstani|Kazakhstan
Uzbekistan||Uzbek|Uzbekistan
Ukraine||Ukrainian|Ukraine
Belarus||Belarusian|Belarus
Poland||Polish|Ba Lan
Czechia|Czech Republic|Czech|Séc,Cộng hòa Séc
Slovakia||Slovak|Slovakia
Hungary||Hungarian|Hungary
Romania||Romanian|Romania
Bulgaria||Bulgarian|Bulgaria
Greece||Greek|Hy Lạp
Portugal||Portuguese|Bồ Đào Nha
Belgium||Belgian|Bỉ
Luxembourg||Luxembourgish|Luxembourg
Switzerland||Swiss|Thụy Sĩ
Austria||Austrian|Áo
Sweden||Swedish|Thụy Điển
Norway||Norwegian|Na Uy
Denmark||Danish|Đan Mạch
Finland||Finnish|Phần Lan
Iceland||Icelandic|Iceland
Ireland|Republic of Ireland|Irish|Ireland
Estonia||Estonian|Estonia
Latvia||Latvian|Latvia
Lithuania||Lithuanian|Litva
Slovenia||Slovenian,Slovene|Slovenia
Croatia||Croatian|Croatia
Serbia||Serbian|Serbia
Bosnia and Herzegovina|Bosnia|Bosnian|Bosnia và Herzegovina
Montenegro||Montenegrin|Montenegro
North Macedonia|Macedonia|Macedonian|Bắc Macedonia
Albania||Albanian|Albania
Moldova||Moldovan|Moldova
Georgia||Georgian|Gruzia
Armenia||Armenian|Armenia
Azerbaijan||Azerbaijani|Azerbaijan
Cyprus||Cypriot|Síp
Malta||Maltese|Malta
Andorra||Andorran|Andorra
Monaco||Monegasque|Monaco
Liechtenstein||Liechtensteiner|Liechtenstein
San Marino||Sammarinese|San Marino
Afghanistan||Afghan|Afghanistan
Bahrain||Bahraini|Bahrain
Oman||Omani|Oman
Yemen||Yemeni|Yemen
Jordan||Jordanian|Jordan
Lebanon||Lebanese|Liban
Syria||Syrian|Syria
Palestine|State of Palestine|Palestinian|Palestine
Kyrgyzstan||Kyrgyz|Kyrgyzstan
Tajikistan||Tajik|Tajikistan
Turkmenistan||Turkmen|Turkmenistan
Bhutan||Bhutanese|Bhutan
Maldives||Maldivian|Maldives
Fiji||Fijian|Fiji
Papua New Guinea||Papua New Guinean|Papua New Guinea
Solomon Islands||Solomon Islander|Quần đảo Solomon
Vanuatu||Ni-Vanuatu|Vanuatu
Samoa||Samoan|Samoa
Tonga||Tongan|Tonga
Kiribati||I-Kiribati|Kiribati
Tuvalu||Tuvaluan|Tuvalu
Nauru||Nauruan|Nauru
Palau||Palauan|Palau
Marshall Islands||Marshallese|Quần đảo Marshall
Micronesia|Federated States of Micronesia|Micronesian|Micronesia
Angola||Angolan|Angola
Benin||Beninese|Benin
Botswana||Motswana,Batswana|Botswana
Burkina Faso||Burkinabe|Burkina Faso
Burundi||Burundian|Burundi
Cabo Verde|Cape Verde|Cape Verdean|Cabo Verde
Cameroon||Cameroonian|Cameroon
Central African Republic||Central African|Cộng hòa Trung Phi
Chad||Chadian|Chad
Comoros||Comorian|Comoros
Congo|Republic of the Congo|Congolese|Congo
Democratic Republic of the Congo|DR Congo,DRC|Congolese|Cộng hòa Dân chủ Congo
Côte d'Ivoire|Ivory Coast|Ivorian|Côte d'Ivoire,Bờ Biển Ngà
Djibouti||Djiboutian|Djibouti
Equatorial Guinea||Equatoguinean|Guinea Xích Đạo
Eritrea||Eritrean|Eritrea
Eswatini|Swaziland|Swazi|Eswatini
Gabon||Gabonese|Gabon
Gambia|The Gambia|Gambian|Gambia
Ghana||Ghanaian|Ghana
Guinea||Guinean|Guinea
Guinea-Bissau||Bissau-Guinean|Guinea-Bissau
Lesotho||Basotho|Lesotho
Liberia||Liberian|Liberia
Libya||Libyan|Libya
Madagascar||Malagasy|Madagascar
Malawi||Malawian|Malawi
Mali||Malian|Mali
Mauritania||Mauritanian|Mauritania
Mauritius||Mauritian|Mauritius
Mozambique||Mozambican|Mozambique
Namibia||Namibian|Namibia
Niger||Nigerien|Niger
Rwanda||Rwandan|Rwanda
Sao Tome and Principe|São Tomé and Príncipe|Santomean|São Tomé và Príncipe
Senegal||Senegalese|Senegal
Seychelles||Seychellois|Seychelles
Sierra Leone||Sierra Leonean|Sierra Leone
Somalia||Somali|Somalia
South Sudan||South Sudanese|Nam Sudan
Sudan||Sudanese|Sudan
Tanzania|United Republic of Tanzania|Tanzanian|Tanzania
Togo||Togolese|Togo
Tunisia||Tunisian|Tunisia
Uganda||Ugandan|Uganda
Zambia||Zambian|Zambia
Zimbabwe||Zimbabwean|Zimbabwe
Antigua and Barbuda||Antiguan|Antigua và Barbuda
Bahamas|The Bahamas|Bahamian|Bahamas
Barbados||Barbadian|Barbados
Belize||Belizean|Belize
Bolivia||Bolivian|Bolivia
Costa Rica||Costa Rican|Costa Rica
Dominica||Dominican|Dominica
Dominican Republic||Dominican|Cộng hòa Dominica
Ecuador||Ecuadorian|Ecuador
El Salvador||Salvadoran|El Salvador
Grenada||Grenadian|Grenada
Guatemala||Guatemalan|Guatemala
Guyana||Guyanese|Guyana
Haiti||Haitian|Haiti
Honduras||Honduran|Honduras
Jamaica||Jamaican|Jamaica
Nicaragua||Nicaraguan|Nicaragua
Panama||Panamanian|Panama
Paraguay||Paraguayan|Paraguay
Saint Kitts and Nevis||Kittitian|Saint Kitts và Nevis
Saint Lucia||Saint Lucian|Saint Lucia
Saint Vincent and the Grenadines||Vincentian|Saint Vincent và Grenadines
Suriname||Surinamese|Suriname
Trinidad and Tobago||Trinidadian|Trinidad và Tobago
Uruguay||Uruguayan|Uruguay
Vatican|Holy See|Vatican|Tòa Thánh Vatican
`;

export interface CountryEntry {
  /** Canonical English name, as the digest prints it. */
  name: string;
  /** English names and abbreviations, canonical first. */
  names: string[];
  demonyms: string[];
  /** Vietnamese names. */
  viNames: string[];
}

export const COUNTRY_GAZETTEER: readonly CountryEntry[] = TABLE.trim()
  .split("\n")
  .map((line) => {
    const [name = "", aliases = "", demonyms = "", vi = ""] = line.split("|");
    const list = (s: string) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "");
    return { name, names: [name, ...list(aliases)], demonyms: list(demonyms), viNames: list(vi) };
  });

const byKey = new Map<string, CountryEntry>();
for (const c of COUNTRY_GAZETTEER) byKey.set(c.name.toLowerCase(), c);

/** Finds a country by its canonical English name (case-insensitive). */
export function countryByName(name: string): CountryEntry | undefined {
  return byKey.get(name.toLowerCase());
}
