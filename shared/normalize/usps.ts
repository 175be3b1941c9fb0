/**
 * USPS Publication 28 tables (Appendix C1 street suffixes, C2 secondary unit designators), the
 * directionals of §233 and the state / territory codes of Appendix B. Written as compact text so
 * the whole table stays reviewable against the publication: "PRIMARY ABBR: variant variant…".
 * The primary name and the standard abbreviation are always variants of themselves.
 */

const C1 = `
ALLEY ALY: ALLEE ALLY
ANEX ANX: ANNEX ANNX
ARCADE ARC:
AVENUE AVE: AV AVEN AVENU AVN AVNUE
BAYOU BYU: BAYOO
BEACH BCH:
BEND BND:
BLUFF BLF: BLUF
BLUFFS BLFS:
BOTTOM BTM: BOT BOTTM
BOULEVARD BLVD: BOUL BOULV
BRANCH BR: BRNCH
BRIDGE BRG: BRDGE
BROOK BRK:
BROOKS BRKS:
BURG BG:
BURGS BGS:
BYPASS BYP: BYPA BYPAS BYPS
CAMP CP: CMP
CANYON CYN: CANYN CNYN
CAPE CPE:
CAUSEWAY CSWY: CAUSWA CAUSWAY
CENTER CTR: CEN CENT CENTR CENTRE CNTER CNTR
CENTERS CTRS:
CIRCLE CIR: CIRC CIRCL CRCL CRCLE
CIRCLES CIRS:
CLIFF CLF:
CLIFFS CLFS:
CLUB CLB:
COMMON CMN:
COMMONS CMNS:
CORNER COR:
CORNERS CORS:
COURSE CRSE:
COURT CT: CRT
COURTS CTS: CRTS
COVE CV:
COVES CVS:
CREEK CRK:
CRESCENT CRES: CRSENT CRSNT CRESENT
CREST CRST:
CROSSING XING: CRSSNG CRSSING
CROSSROAD XRD:
CROSSROADS XRDS:
CURVE CURV:
DALE DL:
DAM DM:
DIVIDE DV: DIV DVD
DRIVE DR: DRIV DRV
DRIVES DRS:
ESTATE EST:
ESTATES ESTS:
EXPRESSWAY EXPY: EXP EXPR EXPRESS EXPW
EXTENSION EXT: EXTN EXTNSN
EXTENSIONS EXTS:
FALL FALL:
FALLS FLS:
FERRY FRY: FRRY
FIELD FLD:
FIELDS FLDS:
FLAT FLT:
FLATS FLTS:
FORD FRD:
FORDS FRDS:
FOREST FRST: FORESTS
FORGE FRG: FORG
FORGES FRGS:
FORK FRK:
FORKS FRKS:
FORT FT: FRT
FREEWAY FWY: FREEWY FRWAY FRWY
GARDEN GDN: GARDN GRDEN GRDN
GARDENS GDNS: GRDNS
GATEWAY GTWY: GATEWY GATWAY GTWAY
GLEN GLN:
GLENS GLNS:
GREEN GRN:
GREENS GRNS:
GROVE GRV: GROV
GROVES GRVS:
HARBOR HBR: HARB HARBR HRBOR
HARBORS HBRS:
HAVEN HVN:
HEIGHTS HTS: HT HGTS HEIGHT
HIGHWAY HWY: HIGHWY HIWAY HIWY HWAY
HILL HL:
HILLS HLS:
HOLLOW HOLW: HLLW HOLLOWS HOLWS
INLET INLT:
ISLAND IS: ISLND
ISLANDS ISS: ISLNDS
ISLE ISLE: ISLES
JUNCTION JCT: JCTION JCTN JUNCTN JUNCTON
JUNCTIONS JCTS: JCTNS
KEY KY:
KEYS KYS:
KNOLL KNL: KNOL
KNOLLS KNLS:
LAKE LK:
LAKES LKS:
LAND LAND:
LANDING LNDG: LNDNG
LANE LN:
LIGHT LGT:
LIGHTS LGTS:
LOAF LF:
LOCK LCK:
LOCKS LCKS:
LODGE LDG: LDGE LODG
LOOP LOOP: LOOPS
MALL MALL:
MANOR MNR:
MANORS MNRS:
MEADOW MDW:
MEADOWS MDWS: MEDOWS
MEWS MEWS:
MILL ML:
MILLS MLS:
MISSION MSN: MISSN MSSN
MOTORWAY MTWY:
MOUNT MT: MNT
MOUNTAIN MTN: MNTAIN MNTN MOUNTIN MTIN
MOUNTAINS MTNS: MNTNS
NECK NCK:
ORCHARD ORCH: ORCHRD
OVAL OVAL: OVL
OVERPASS OPAS:
PARK PARK: PRK
PARKS PARK:
PARKWAY PKWY: PARKWY PKWAY PKY
PARKWAYS PKWY: PKWYS
PASS PASS:
PASSAGE PSGE:
PATH PATH: PATHS
PIKE PIKE: PIKES
PINE PNE:
PINES PNES:
PLACE PL:
PLAIN PLN:
PLAINS PLNS:
PLAZA PLZ: PLZA
POINT PT:
POINTS PTS:
PORT PRT:
PORTS PRTS:
PRAIRIE PR: PRR
RADIAL RADL: RAD RADIEL
RAMP RAMP:
RANCH RNCH: RANCHES RNCHS
RAPID RPD:
RAPIDS RPDS:
REST RST:
RIDGE RDG: RDGE
RIDGES RDGS:
RIVER RIV: RVR RIVR
ROAD RD:
ROADS RDS:
ROUTE RTE:
ROW ROW:
RUE RUE:
RUN RUN:
SHOAL SHL:
SHOALS SHLS:
SHORE SHR: SHOAR
SHORES SHRS: SHOARS
SKYWAY SKWY:
SPRING SPG: SPNG SPRNG
SPRINGS SPGS: SPNGS SPRNGS
SPUR SPUR:
SPURS SPUR:
SQUARE SQ: SQR SQRE SQU
SQUARES SQS: SQRS
STATION STA: STATN STN
STRAVENUE STRA: STRAV STRAVEN STRAVN STRVN STRVNUE
STREAM STRM: STREME
STREET ST: STRT STR
STREETS STS:
SUMMIT SMT: SUMIT SUMITT
TERRACE TER: TERR
THROUGHWAY TRWY:
TRACE TRCE: TRACES
TRACK TRAK: TRACKS TRK TRKS
TRAFFICWAY TRFY:
TRAIL TRL: TRAILS TRLS
TRAILER TRLR: TRLRS
TUNNEL TUNL: TUNEL TUNLS TUNNELS TUNNL
TURNPIKE TPKE: TRNPK TURNPK TPK
UNDERPASS UPAS:
UNION UN:
UNIONS UNS:
VALLEY VLY: VALLY VLLY
VALLEYS VLYS:
VIADUCT VIA: VDCT VIADCT
VIEW VW:
VIEWS VWS:
VILLAGE VLG: VILL VILLAG VILLG VILLIAGE
VILLAGES VLGS:
VILLE VL:
VISTA VIS: VIST VST VSTA
WALK WALK:
WALKS WALK:
WALL WALL:
WAY WAY: WY
WAYS WAYS:
WELL WL:
WELLS WLS:
`;

export interface SuffixEntry {
  /** Pub 28 "primary street suffix name", e.g. STREET */
  primary: string;
  /** Pub 28 "Postal Service standard suffix abbreviation", e.g. ST */
  abbr: string;
}

/** Every C1 spelling (primary, common abbreviations, standard) → its entry. */
export const STREET_SUFFIXES: ReadonlyMap<string, SuffixEntry> = (() => {
  const m = new Map<string, SuffixEntry>();
  for (const line of C1.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const [head = '', rest = ''] = t.split(':');
    const [primary = '', abbr = ''] = head.trim().split(/\s+/);
    const entry = { primary, abbr };
    for (const v of [primary, abbr, ...rest.trim().split(/\s+/).filter(Boolean)]) if (!m.has(v)) m.set(v, entry);
  }
  return m;
})();

/** Suffixes that end most street lines; preferred when a one-line address must be split without commas. */
export const COMMON_SUFFIX_ABBRS: ReadonlySet<string> = new Set([
  'ST',
  'AVE',
  'RD',
  'DR',
  'BLVD',
  'LN',
  'CT',
  'PL',
  'WAY',
  'PKWY',
  'HWY',
  'CIR',
  'TER',
  'TRL',
  'SQ',
  'LOOP',
  'PIKE',
  'EXPY',
  'FWY',
  'PLZ',
  'TPKE',
  'ALY',
  'CSWY',
  'XING',
  'RUN',
  'PATH',
  'ROW',
  'WALK',
  'BYP',
  'CV',
  'RTE',
]);

/** C2 secondary unit designators, plus the spellings people actually type. `range` = needs a number after it. */
const C2: ReadonlyArray<[string, string, boolean, string[]]> = [
  ['APARTMENT', 'APT', true, ['APPT', 'APART', 'APTS']],
  ['BASEMENT', 'BSMT', false, []],
  ['BUILDING', 'BLDG', true, ['BLD', 'BUILD', 'BLDNG']],
  ['DEPARTMENT', 'DEPT', true, ['DEP', 'DPT']],
  ['FLOOR', 'FL', true, ['FLR', 'FLOR', 'FLRS']],
  ['FRONT', 'FRNT', false, []],
  ['HANGAR', 'HNGR', true, ['HANGER']],
  ['KEY', 'KEY', true, []],
  ['LOBBY', 'LBBY', false, ['LBY']],
  ['LOT', 'LOT', true, []],
  ['LOWER', 'LOWR', false, ['LWR']],
  ['OFFICE', 'OFC', false, ['OFFC', 'OFIC']],
  ['PENTHOUSE', 'PH', false, ['PENT', 'PNTHS']],
  ['PIER', 'PIER', true, []],
  ['REAR', 'REAR', false, []],
  ['ROOM', 'RM', true, ['ROM', 'RMS']],
  ['SIDE', 'SIDE', false, []],
  ['SLIP', 'SLIP', true, []],
  ['SPACE', 'SPC', true, ['SPCE']],
  ['STOP', 'STOP', true, []],
  ['SUITE', 'STE', true, ['SUIT', 'SUTE', 'STES', 'SUITES']],
  ['TRAILER', 'TRLR', true, []],
  ['UNIT', 'UNIT', true, ['UNT']],
  ['UPPER', 'UPPR', false, ['UPR']],
];

export interface UnitDesignator {
  name: string;
  abbr: string;
  /** true when a number/letter must follow ("STE 200"); false for "BSMT", "REAR"… */
  range: boolean;
}

export const UNIT_DESIGNATORS: ReadonlyMap<string, UnitDesignator> = (() => {
  const m = new Map<string, UnitDesignator>();
  for (const [name, abbr, range, extra] of C2) {
    const d = { name, abbr, range };
    for (const v of [name, abbr, ...extra]) m.set(v, d);
  }
  m.set('#', { name: '#', abbr: '#', range: true });
  m.set('NO', { name: 'NUMBER', abbr: '#', range: true });
  m.set('NUM', { name: 'NUMBER', abbr: '#', range: true });
  m.set('NUMBER', { name: 'NUMBER', abbr: '#', range: true });
  return m;
})();

/** §233 directionals, one and two word forms, English only. */
export const DIRECTIONALS: ReadonlyMap<string, string> = new Map([
  ['N', 'N'],
  ['NORTH', 'N'],
  ['S', 'S'],
  ['SOUTH', 'S'],
  ['E', 'E'],
  ['EAST', 'E'],
  ['W', 'W'],
  ['WEST', 'W'],
  ['NE', 'NE'],
  ['NORTHEAST', 'NE'],
  ['NORTH-EAST', 'NE'],
  ['NW', 'NW'],
  ['NORTHWEST', 'NW'],
  ['NORTH-WEST', 'NW'],
  ['SE', 'SE'],
  ['SOUTHEAST', 'SE'],
  ['SOUTH-EAST', 'SE'],
  ['SW', 'SW'],
  ['SOUTHWEST', 'SW'],
  ['SOUTH-WEST', 'SW'],
]);

/** Appendix B: states, DC, territories, freely associated states and military "states". */
const STATES: ReadonlyArray<[string, string, string[]]> = [
  ['AL', 'ALABAMA', ['ALA']],
  ['AK', 'ALASKA', ['ALAS']],
  ['AZ', 'ARIZONA', ['ARIZ']],
  ['AR', 'ARKANSAS', ['ARK']],
  ['CA', 'CALIFORNIA', ['CALIF', 'CAL']],
  ['CO', 'COLORADO', ['COLO']],
  ['CT', 'CONNECTICUT', ['CONN']],
  ['DE', 'DELAWARE', ['DEL']],
  ['DC', 'DISTRICT OF COLUMBIA', ['WASHINGTON DC', 'WASHINGTON D C', 'WASH DC', 'D C']],
  ['FL', 'FLORIDA', ['FLA']],
  ['GA', 'GEORGIA', []],
  ['HI', 'HAWAII', []],
  ['ID', 'IDAHO', ['IDA']],
  ['IL', 'ILLINOIS', ['ILL', 'ILLS']],
  ['IN', 'INDIANA', ['IND']],
  ['IA', 'IOWA', []],
  ['KS', 'KANSAS', ['KAN', 'KANS']],
  ['KY', 'KENTUCKY', ['KEN', 'KENT']],
  ['LA', 'LOUISIANA', []],
  ['ME', 'MAINE', []],
  ['MD', 'MARYLAND', []],
  ['MA', 'MASSACHUSETTS', ['MASS']],
  ['MI', 'MICHIGAN', ['MICH']],
  ['MN', 'MINNESOTA', ['MINN']],
  ['MS', 'MISSISSIPPI', ['MISS']],
  ['MO', 'MISSOURI', []],
  ['MT', 'MONTANA', ['MONT']],
  ['NE', 'NEBRASKA', ['NEB', 'NEBR']],
  ['NV', 'NEVADA', ['NEV']],
  ['NH', 'NEW HAMPSHIRE', ['N H']],
  ['NJ', 'NEW JERSEY', ['N J']],
  ['NM', 'NEW MEXICO', ['N M', 'N MEX']],
  ['NY', 'NEW YORK', ['N Y']],
  ['NC', 'NORTH CAROLINA', ['N C', 'N CAROLINA']],
  ['ND', 'NORTH DAKOTA', ['N D', 'N DAK', 'N DAKOTA']],
  ['OH', 'OHIO', []],
  ['OK', 'OKLAHOMA', ['OKLA']],
  ['OR', 'OREGON', ['ORE', 'OREG']],
  ['PA', 'PENNSYLVANIA', ['PENN', 'PENNA']],
  ['RI', 'RHODE ISLAND', ['R I']],
  ['SC', 'SOUTH CAROLINA', ['S C', 'S CAROLINA']],
  ['SD', 'SOUTH DAKOTA', ['S D', 'S DAK', 'S DAKOTA']],
  ['TN', 'TENNESSEE', ['TENN']],
  ['TX', 'TEXAS', ['TEX']],
  ['UT', 'UTAH', []],
  ['VT', 'VERMONT', []],
  ['VA', 'VIRGINIA', []],
  ['WA', 'WASHINGTON', ['WASH']],
  ['WV', 'WEST VIRGINIA', ['W VA', 'W VIRGINIA']],
  ['WI', 'WISCONSIN', ['WIS', 'WISC']],
  ['WY', 'WYOMING', ['WYO']],
  ['AS', 'AMERICAN SAMOA', []],
  ['GU', 'GUAM', []],
  ['MP', 'NORTHERN MARIANA ISLANDS', ['NORTHERN MARIANAS', 'CNMI']],
  ['PR', 'PUERTO RICO', []],
  ['VI', 'VIRGIN ISLANDS', ['US VIRGIN ISLANDS', 'U S VIRGIN ISLANDS', 'USVI']],
  ['UM', 'UNITED STATES MINOR OUTLYING ISLANDS', []],
  ['FM', 'FEDERATED STATES OF MICRONESIA', ['MICRONESIA']],
  ['MH', 'MARSHALL ISLANDS', []],
  ['PW', 'PALAU', []],
  ['AA', 'ARMED FORCES AMERICAS', []],
  ['AE', 'ARMED FORCES EUROPE', []],
  ['AP', 'ARMED FORCES PACIFIC', []],
];

export const STATE_CODES: ReadonlySet<string> = new Set(STATES.map(([c]) => c));
export const STATE_NAME_BY_CODE: ReadonlyMap<string, string> = new Map(STATES.map(([c, n]) => [c, n]));

/** Every written form (name, traditional abbreviation, code) with spaces between words → code. */
export const STATE_BY_FORM: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [code, name, extra] of STATES) for (const f of [code, name, ...extra]) m.set(f, code);
  return m;
})();

/** Longest state form in words, so a right-to-left scan of an address can stop early. */
export const MAX_STATE_WORDS = Math.max(...[...STATE_BY_FORM.keys()].map((k) => k.split(' ').length));
