/**
 * The fixed cast of the sample: stages, products and their competitors,
 * industries, teams and owners, name pools, lead sources and the win/loss
 * reasons with their base weights. Data only; no randomness here.
 */
import { DEFAULT_STAGES } from '../../../src/lib/ingest/config.ts';

/** The default stages of input.md, written out in the sample config. */
export const STAGES = DEFAULT_STAGES;

export const PROSPECT = 0;
export const QUALIFY = 1;
export const PROPOSE = 2;
export const NEGOTIATE = 3;
export const WON = 4;
export const LOST = 5;
export const STAGE_ID = STAGES.map((s) => s.id);
/** Other spellings written in deals.csv `stage` for some rows (labels, spacing, case). */
export const STAGE_SPELLINGS: readonly (readonly string[])[] = [
  ['가망 고객', '가망고객', 'Prospect'],
  ['구매의사 확인·내부 검증', 'Qualification'],
  ['제안', 'Proposal'],
  ['협상', 'Negotiation'],
  ['수주', 'WON', 'Won'],
  ['실주', 'Lost'],
];

export interface Product {
  code: string;
  lifecycle: number;
  /** Median amount in KRW and its log-sd. */
  median: number;
  sigma: number;
  /** Stage dwell multiplier. */
  pace: number;
  competitors: readonly string[];
  /** Deal name patterns; {a} = account, {n} = a count, {p} = plant. */
  names: readonly string[];
  renewal: readonly string[];
  lifecycleOverride: number;
}

export const PRODUCTS: readonly Product[] = [
  {
    code: 'CNC-5X', lifecycle: 60, median: 420e6, sigma: 0.5, pace: 1.15,
    competitors: ['DMG Mori', 'Doosan Machine', 'Hanwha Precision', 'Hyundai WIA'],
    names: ['{a} 5축 가공기 {n}대 도입', '{a} {p} CNC-5X 증설', '{a} 노후 가공기 교체', '{a} 정밀가공 라인 신설'],
    renewal: ['{a} CNC-5X 노후 교체', '{a} 5축 가공기 리뉴얼'],
    lifecycleOverride: 36,
  },
  {
    code: 'LASER-CUT', lifecycle: 48, median: 380e6, sigma: 0.45, pace: 1.05,
    competitors: ['Trumpf', 'Bystronic', 'Amada'],
    names: ['{a} 레이저 절단기 도입', '{a} 후판 절단 라인 증설', '{a} {p} 파이버 레이저 {n}대'],
    renewal: ['{a} 레이저 절단기 교체'],
    lifecycleOverride: 36,
  },
  {
    code: 'INSPECT-AI', lifecycle: 36, median: 110e6, sigma: 0.6, pace: 0.9,
    competitors: ['Keyence', 'Cognex'],
    names: ['{a} AI 비전검사 PoC', '{a} 외관검사 자동화 {n}라인', '{a} {p} 검사 공정 개선'],
    renewal: ['{a} 비전검사 모델 고도화', '{a} INSPECT-AI 교체'],
    lifecycleOverride: 24,
  },
  {
    code: 'ROBOT-ARM', lifecycle: 72, median: 160e6, sigma: 0.6, pace: 1.0,
    competitors: ['Fanuc', 'Doosan Robotics', 'ABB', 'Hanwha Precision'],
    names: ['{a} 용접 로봇 {n}대', '{a} 팔레타이징 로봇 셀', '{a} {p} 핸들링 자동화'],
    renewal: ['{a} 로봇 셀 교체'],
    lifecycleOverride: 48,
  },
  {
    code: 'MES-SUITE', lifecycle: 24, median: 70e6, sigma: 0.6, pace: 0.8,
    competitors: ['Siemens', 'Samsung SDS', 'Miracom'],
    names: ['{a} MES 구축', '{a} {p} MES 확장', '{a} 생산실적 시스템 도입'],
    renewal: ['{a} MES 구독 갱신', '{a} MES-SUITE 재계약'],
    lifecycleOverride: 12,
  },
];
export const CNC = 0;
export const LASER = 1;
export const INSPECT = 2;
export const ROBOT = 3;
export const MES = 4;

/** Relative strength: multiplies the chance of losing a stage transition. DMG Mori is the one we mostly lose to. */
export const COMPETITOR_STRENGTH: Record<string, number> = {
  'DMG Mori': 2.3, 'Doosan Machine': 1.0, 'Hanwha Precision': 0.85, 'Hyundai WIA': 0.9,
  Trumpf: 1.3, Bystronic: 1.0, Amada: 1.05,
  Keyence: 1.15, Cognex: 1.05,
  Fanuc: 1.2, 'Doosan Robotics': 0.95, ABB: 1.05,
  Siemens: 1.25, 'Samsung SDS': 1.15, Miracom: 0.9,
};
export const PREMIUM_BRANDS = new Set(['DMG Mori', 'Trumpf', 'Keyence', 'Siemens']);

export interface Industry {
  name: string;
  weight: number;
  products: readonly number[];
  productWeights: readonly number[];
  regions: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { name: '자동차부품', weight: 30, products: [CNC, ROBOT, INSPECT, MES, LASER], productWeights: [4, 3, 2, 1.5, 1], regions: ['경기', '울산', '충남', '대구', '경남', '경북', '광주'] },
  { name: '반도체장비', weight: 14, products: [INSPECT, CNC, MES, ROBOT], productWeights: [4, 2.5, 2, 1], regions: ['경기', '충남', '충북', '인천'] },
  { name: '조선', weight: 9, products: [LASER, ROBOT, MES, CNC], productWeights: [4, 3, 1, 1], regions: ['울산', '경남', '부산', '전남'] },
  { name: '가전', weight: 12, products: [ROBOT, INSPECT, MES, LASER], productWeights: [3, 3, 2, 1], regions: ['경기', '광주', '경북', '충남'] },
  { name: '2차전지', weight: 10, products: [INSPECT, MES, ROBOT, LASER], productWeights: [3, 3, 2, 1], regions: ['충북', '충남', '경북', '울산'] },
  { name: '금형', weight: 12, products: [CNC, LASER, INSPECT], productWeights: [4, 2, 1], regions: ['인천', '경기', '대구', '부산', '경남'] },
  { name: '방산', weight: 6, products: [CNC, LASER, INSPECT, MES], productWeights: [3, 2, 1, 1], regions: ['경남', '대전', '경북'] },
  { name: '의료기기', weight: 7, products: [CNC, INSPECT, MES], productWeights: [2, 3, 2], regions: ['강원', '경기', '서울', '대전'] },
];

export const TEAM_CAPITAL = '수도권영업팀';
export const TEAM_SOUTH = '영남영업팀';
export const TEAM_STRATEGIC = '전략사업팀';
export const SOUTH_REGIONS = new Set(['울산', '경남', '경북', '부산', '대구', '전남', '광주']);

export interface Owner {
  name: string;
  team: string;
  /** Multiplies the chance of losing (lower is better). */
  skill: number;
  /** Stage dwell multiplier. */
  pace: number;
  /** Chance of updating the expected close date when it passes. */
  diligence: number;
}

export const OWNERS: readonly Owner[] = [
  { name: '김민준', team: TEAM_CAPITAL, skill: 0.95, pace: 1.0, diligence: 0.8 },
  { name: '이서연', team: TEAM_CAPITAL, skill: 0.78, pace: 0.9, diligence: 0.92 },
  { name: '박지호', team: TEAM_CAPITAL, skill: 1.2, pace: 1.15, diligence: 0.55 },
  { name: '최지훈', team: TEAM_CAPITAL, skill: 1.05, pace: 1.05, diligence: 0.7 },
  { name: '강도윤', team: TEAM_SOUTH, skill: 0.9, pace: 1.0, diligence: 0.85 },
  { name: '조수아', team: TEAM_SOUTH, skill: 1.0, pace: 0.95, diligence: 0.75 },
  { name: '윤서준', team: TEAM_SOUTH, skill: 1.12, pace: 1.1, diligence: 0.6 },
  { name: '장예린', team: TEAM_SOUTH, skill: 0.92, pace: 1.0, diligence: 0.88 },
  { name: '임재현', team: TEAM_STRATEGIC, skill: 0.88, pace: 1.2, diligence: 0.82 },
  { name: '한소율', team: TEAM_STRATEGIC, skill: 0.98, pace: 1.15, diligence: 0.9 },
];
/** 최지훈 leaves; his accounts and open deals go to 정하은 (who joins the same day). */
export const LEAVER = '최지훈';
export const SUCCESSOR: Owner = { name: '정하은', team: TEAM_CAPITAL, skill: 1.0, pace: 1.0, diligence: 0.85 };

export const NAME_PREFIXES = [
  '대한', '삼원', '한빛', '동양', '세진', '우성', '태광', '신흥', '대성', '금강', '한일', '성진', '동아', '삼화', '유진', '대원', '일진', '화신',
  '경동', '서한', '영진', '보성', '청우', '한라', '동일', '상신', '진성', '미래', '은성', '광명', '태양', '백산', '새한', '정우', '오성', '제일',
];
export const NAME_SUFFIXES = [
  '정밀', '오토텍', '금속', '기계', '산업', '테크', '중공업', '전자', '하이텍', '메탈', '엔지니어링', '소재', '오토모티브', '공업', '이노텍', '시스템', '정공', '기공',
];
export const ENGLISH_NAMES = [
  'Korea Precision Castings', 'Daewon Motion Co.', 'Seoul Semitech Ltd.', 'K-Marine Heavy Industries', 'Pacific Gear Korea',
  'Union Robotics Korea', 'Nexus Battery Systems', 'Hanam Medical Devices', 'Eastgate Automotive Korea', 'Bluewave Display Parts',
];
export const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
export const GIVEN = ['정호', '윤아', '도현', '성민', '지훈', '현우', '민서', '상철', '영수', '은지', '태식', '경희', '재원', '수빈', '동욱', '미경', '승현', '혜진'];
export const TITLES = ['상무', '공장장', '구매팀장', '생산기술팀장', '전무', '대표이사', '설비팀장', '부사장', '품질팀장'];
export const PLANTS = ['1공장', '2공장', '아산공장', '창원공장', '신규 라인', 'B동', '평택공장', '구미공장'];

export const ACCOUNT_NOTES = [
  '',
  '',
  '',
  '2공장 증설 계획 (내년 하반기)',
  '구매팀장 교체됨, 관계 재구축 필요',
  '경쟁사 장비 다수 보유, A/S 불만 있음',
  '그룹 표준 벤더 등록 완료',
  '예산 심의는 매년 11월',
  '해외 법인 설비 투자 검토 중',
  '스마트공장 지원사업 신청 예정',
  '"납기" 최우선, 가격 민감도 낮음',
];

export const SOURCES = ['inbound', 'outbound', 'referral', 'partner', 'exhibition'] as const;
export const SOURCE_LOSS: Record<string, number> = { inbound: 0.92, outbound: 1.12, referral: 0.75, partner: 0.9, exhibition: 1.18 };

export const LOSS_REASONS = ['after_sales', 'brand', 'timing', 'no_budget', 'price', 'competitor_relationship', 'sales_approach'] as const;
export const LOSS_BASE = [27, 19, 14, 11, 15, 9, 7];
export const WIN_REASONS = ['after_sales', 'technical_fit', 'relationship', 'delivery', 'price', 'reference_site'] as const;
export const WIN_BASE = [27, 24, 18, 13, 10, 8];

/** Deal names that need escaping in HTML and CSV; given to the first deal of the product after 1/5, 2/5, ... of the file. */
export const SPECIAL_NAMES: readonly { product: number; name: string }[] = [
  { product: ROBOT, name: 'Rack & Pinion <Phase 2>' },
  { product: MES, name: '"Smart Factory" 1차, 라인 A/B 자동화' },
  { product: CNC, name: '5축 가공기 2대, "긴급" 납기 건' },
  { product: INSPECT, name: 'Vision "Lite" <v2> & \'Pilot\', 1차' },
];

/** Median days in a stage and its log-sd, per open stage. */
export const DWELL: readonly { median: number; sigma: number }[] = [
  { median: 9, sigma: 0.8 }, // prospect
  { median: 17, sigma: 0.75 }, // qualify
  { median: 36, sigma: 0.85 }, // propose: the bottleneck
  { median: 15, sigma: 0.65 }, // negotiate
];
