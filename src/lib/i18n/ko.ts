/**
 * Korean UI strings, typed as `Messages` so a missing or extra key fails
 * type-checking. Written in the vocabulary Korean B2B sales teams use
 * (파이프라인, 가중 파이프라인, 수주율, 영업 사이클, 정체 딜, 실주 사유, 재구매 시점).
 */
import type { Messages } from './en.ts';
import { joinItems } from '../format/separator.ts';
import { josa } from './josa.ts';

export const ko: Messages = {
  site: {
    name: 'Pipescope',
    tagline: '영업 리더를 위한 파이프라인 분석',
    skipToContent: '본문 바로가기',
    builtFrom: (p) => `데이터: ${p.dataLabel}`,
    footerNote: '모든 수치는 표시된 기준일 시점의 CRM 내보내기 데이터로 계산했습니다.',
    rowsNotUsed: (p, f) => `제외된 입력 ${f.count(p.count)}행`,
    printedPage: '{page} / {pages}쪽',
  },
  nav: {
    label: '메뉴',
    overview: '개요',
    trends: '추이',
    funnel: '퍼널',
    velocity: '영업 속도',
    winLoss: '수주·실주 분석',
    stalled: '정체 딜',
    waterfall: '파이프라인 변동',
    forecast: '수주 예측',
    repurchase: '재구매',
    owners: '담당자·팀',
    accounts: '고객사',
    dataQuality: '데이터 품질',
    changes: '변경 사항',
  },
  language: {
    label: '언어',
    switchTo: 'English',
    switchHint: '이 페이지를 영어로 보기',
  },
  filters: {
    label: '필터',
    owner: '담당자',
    team: '팀',
    product: '제품',
    source: '유입 경로',
    segment: '고객 세그먼트',
    industry: '업종',
    region: '지역',
    period: '생성 시기',
    closing: '마감 시기',
    all: '전체',
    quarters: '분기',
    years: '연도',
    apply: '적용',
    clear: '전체 딜 보기',
    noScript: '필터(링크의 담당자·팀·제품·유입 경로·고객 세그먼트·업종·지역·기간)를 적용하려면 JavaScript가 필요합니다. JavaScript가 없으면 이 페이지는 전체 딜을 보여 줍니다.',
    fromDisk: '이 링크에는 필터가 있지만, 디스크나 파일 공유에서 연 페이지는 필터를 적용할 수 없어 전체 딜을 보여 줍니다. 필터를 쓰려면 대시보드를 웹 주소로 여세요.',
    loading: '필터 적용 중…',
    showing: (p, f) => `전체 ${f.count(p.total)}건 중 ${f.count(p.count)}건 표시(${p.what}).`,
    noMatch: '이 필터에 맞는 딜이 없습니다.',
    computed: '전체 대시보드와 같은 데이터, 같은 계산 엔진, 같은 기준일로 브라우저에서 계산했습니다.',
    invalidPeriod: (p) => `링크의 ‘${p.field}’ 값이 YYYY, YYYY-Qn, YYYY-MM 형식이 아니어서 적용하지 않았습니다.`,
    failed: '필터를 적용하지 못했습니다. 아래 수치는 전체 딜 기준입니다.',
    fileShare: '필터는 웹 서버(정적 호스팅이면 충분)로 제공할 때 동작합니다. 파일로 열면 이 페이지는 전체 딜을 보여 줍니다.',
    tooLarge: (p, f) =>
      `이 대시보드에는 필터가 없습니다. 딜 ${f.count(p.deals)}건을 필터링하려면 브라우저가 ${f.number(p.mb)}MB를 불러와야 해서, 이 빌드가 허용하는 ${f.count(p.limitMb)}MB(npm run build -- --max-filter-mb)를 넘습니다. 이 페이지는 전체 딜을 보여 주며, 담당자별 수치는 담당자·팀 페이지에 있습니다.`,
    trendsNote: '12개월 추이 미니 차트는 표시하지 않습니다. 추이는 전체 딜 기준입니다.',
    thresholdsNote: '단계별 정체 기준(일수)은 전체 딜에서 구한 전사 기준을 그대로 씁니다.',
    ownerTargetsNote: '커버리지와 달성률은 이 담당자의 목표와 비교합니다.',
    teamTargetsNote: '커버리지와 달성률은 이 팀의 목표와 비교합니다.',
    noTargetsNote: '목표는 전사·팀·담당자 단위로만 정해져 있어, 제품·유입 경로·고객 세그먼트·업종·지역·기간 필터에서는 비교할 목표가 없습니다.',
    cohortIntake: (p, f) =>
      p.shown === 'none'
        ? `필터는 ${p.period}에 생성된 딜만 남깁니다. 이 기간은 최근 12개월 밖이라 보여 줄 달이 없습니다.`
        : `필터는 ${p.period}에 생성된 딜만 남깁니다. ${p.shown === 'some' ? '그중 최근 12개월 안의 ' : ''}${f.count(p.count)}건(${f.moneyCompact(p.amount)})을 아래에 월별로 보여 줍니다.`,
    closingNote: (p, f) => `마감 시기는 수주·실주된 딜은 마감한 날, ${f.date(p.asOf)} 현재 진행 중인 딜은 그날 기준 예상 마감일로 봅니다. 예상 마감일이 없는 진행 중 딜은 어느 기간에도 들지 않습니다.`,
    ownerNoTargetNote: 'targets.csv에 이 담당자의 이번 달·분기나 다음 달·분기 목표가 없습니다.',
    teamNoTargetNote: 'targets.csv에 이 팀의 이번 달·분기나 다음 달·분기 목표가 없습니다.',
  },
  pages: {
    overview: { title: '개요', intro: '기준일의 파이프라인 현황과 그 전 한 달간의 변화를 한눈에 봅니다.' },
    trends: {
      title: '추이',
      intro: '주요 지표가 지난 12개월 동안 어떻게 움직였는지 봅니다.',
    },
    funnel: {
      title: '퍼널',
      intro: '분석 기간에 생성된 딜이 각 단계에 얼마나 도달하고, 그중 얼마나 다음 단계로 넘어가는지 보여 줍니다.',
      journeyIntro:
        '수주 확률: pipeline.config.json에 설정된 단계별 확률로, 가중 파이프라인과 예측이 그 단계의 진행 중 딜을 이 확률로 셉니다. 종결 중 수주: 분석 기간에 생성되어 이 단계에 도달한 뒤 수주나 실주로 끝난 딜(종결 딜) 가운데 수주한 비율입니다. 아직 진행 중인 딜은 세지 않습니다.',
      journeyFew: (p, f) => `* 종결 딜이 ${f.count(p.min)}건 미만: 신뢰하기에는 표본이 너무 적습니다.`,
      probabilityGap: (p, f) =>
        `${p.stage} 단계의 수주 확률은 ${f.percent(p.set)}로 설정되어 있지만, 이 단계에 도달해 종결된 딜 ${f.count(p.closed)}건 중 ${f.percent(p.share)}가 수주되었습니다${
          p.others === 0 ? '' : `(다른 단계 ${f.count(p.others)}곳도 ${f.count(p.points)}%p 이상 차이 납니다)`
        }. 그래서 가중 파이프라인이 이 단계의 진행 중 딜을 ${p.share > p.set ? '적게' : '많게'} 셉니다. 딜이 더 종결되어도 차이가 이어지면 pipeline.config.json에서 확률을 실제에 가깝게 조정하세요.`,
    },
    velocity: { title: '영업 속도', intro: '딜이 단계별로 머무는 기간과 생성부터 마감까지 걸리는 기간입니다.' },
    winLoss: {
      title: '수주·실주 분석',
      intro: '수주·실주 사유, 실주가 발생한 단계, 경쟁사별 승패를 분석합니다.',
      summary: '수주율: 분석 기간에 마감된 딜',
      summaryColumns: { countShare: '건수 비중', amountShare: '금액 비중' },
      priceBeforeQuote: (p, f) =>
        `가격 때문에 실주한 딜 ${p.before === p.total ? `${f.count(p.total)}건은 모두` : `${f.count(p.total)}건 중 ${f.count(p.before)}건은`} ${p.stage} 단계에 이르지 못해 견적을 낸 적이 없습니다. 이 딜들의 실주 원인이 정말 가격이었는지 확인하세요.`,
      lead: (p, f) =>
        `분석 기간에 마감된 딜은 ${f.count(p.won + p.lost)}건으로, ${f.count(p.won)}건 수주·${f.count(p.lost)}건 실주, 수주율은 ${f.percent(p.byCount)}${p.byValue === null ? '' : `(금액 기준 ${f.percent(p.byValue)})`}입니다.`,
      reasonQuartersCells: '각 칸은 그 분기에 실주한 딜 중 해당 사유의 비중이며, 괄호 안은 딜 수입니다.',
      reasonQuartersMover: (p, f) =>
        `${josa(p.reason, '은/는')} ${p.earlier} 실주 딜의 ${f.percent(p.earlierCount / p.earlierOf)}(${f.count(p.earlierOf)}건 중 ${f.count(p.earlierCount)}건)에서 ${p.later} ${f.percent(p.laterCount / p.laterOf)}(${f.count(p.laterOf)}건 중 ${f.count(p.laterCount)}건)로 바뀌어, 사유 구성에서 가장 크게 달라졌습니다.${
          p.clear ? ' 이 딜 수에서 분기별 사유 구성의 변화는 우연으로 보기 어렵습니다.' : ' 이 정도 딜 수에서는 분기마다 구성이 같아도 이만한 차이가 생길 수 있어 뚜렷한 변화로 보기 어렵습니다.'
        }`,
      winRateQuarters: (p, f) =>
        `${p.best}에 마감된 딜의 수주율이 ${f.percent(p.bestWon / p.bestOf)}(${f.count(p.bestOf)}건 중 ${f.count(p.bestWon)}건)로 가장 높고, ${p.worst}에는 ${f.percent(p.worstWon / p.worstOf)}(${f.count(p.worstOf)}건 중 ${f.count(p.worstWon)}건)로 가장 낮습니다.`,
      winRateQuartersClear: '이 딜 수에서 분기별 수주율의 차이는 우연으로 보기 어렵습니다.',
      quarterPart: (p, f) => `${f.period(p.quarter)}(${f.dateShort(p.from)}~${f.dateShort(p.to)})`,
    },
    stalled: {
      title: '정체 딜',
      intro: '평소보다 오래 같은 단계에 머물러 있는 진행 중 딜과 점검이 필요한 위험 신호입니다.',
    },
    waterfall: { title: '파이프라인 변동', intro: '기간 중 신규 유입, 수주·실주, 단계 이동에 따른 파이프라인 변화입니다.' },
    forecast: {
      title: '수주 예측',
      intro: '기간별 목표를 달성할 수 있을지 봅니다. 목표 대비 수주·커밋·베스트 케이스, 최근 몇 달간 파이프라인 예측의 정확도, 진행 중 파이프라인의 예상 마감 시기를 보여 줍니다.',
    },
    repurchase: { title: '재구매', intro: '제품별 교체 주기를 기준으로 기존 고객의 재구매 시점을 예측합니다.' },
    owners: { title: '담당자·팀', intro: '담당자·팀별 파이프라인, 성과, 정체 딜 현황입니다.' },
    accounts: { title: '고객사', intro: '데이터의 모든 고객사와 그 진행 중·수주 실적, 딜입니다.' },
    account: {
      facts: '고객사 정보',
      deals: '딜 목록',
      timeline: '단계 이력',
      back: '전체 고객사',
      noDeals: (p) => `deals.csv에 account_id가 ${p.id}인 딜이 없어 accounts.csv에 있는 고객사 정보만 보여 줍니다. deals.csv에 이 고객사의 딜이 생기면 여기에 함께 나타납니다.`,
      limited: (p, f) =>
        `고객사 ${f.count(p.total)}곳 중 규모가 큰 ${f.count(p.shown)}곳만 개별 페이지가 있습니다. 전체 목록은 CSV에 있습니다.`,
    },
    dataQuality: {
      title: '데이터 품질',
      intro: '파일별로 읽어 들인 결과와, 제외되었거나 경고가 발생한 모든 행입니다.',
    },
  },
  common: {
    asOf: (p, f) => `${f.date(p.date)} 기준`,
    downloadCsv: 'CSV 다운로드',
    downloadCsvOf: (p) => `CSV 다운로드: ${p.title}`,
    showTable: '데이터 표 보기',
    aside: (p) => `${p.text}(${p.aside})`,
    unspecified: '(미지정)',
    noAmount: '금액 없음',
    noCloseDate: '마감일 미정',
    dealCount: (p, f) => f.deals(p.count),
    search: '검색',
    searchShown: '{total}행 중 {shown}행 표시',
    searchNone: '일치하는 행이 없습니다',
    window: (p, f) => `분석 기간: ${f.date(p.from)} ~ ${f.date(p.to)}`,
    period: (p, f) => `대상 기간: ${f.date(p.from)} ~ ${f.date(p.to)}`,
    moreRows: (p, f) => `외 ${f.count(p.count)}건`,
    showAll: (p, f) => `${f.count(p.count)}건 모두 보기`,
    noClearDifference: '이 정도 딜 수에서는 이만한 차이가 우연으로도 생길 수 있어 뚜렷한 차이로 보기 어렵습니다.',
    staleData: (p, f) =>
      `데이터에 기록된 가장 최근 변경은 기준일보다 ${f.count(p.days)}일 전(${f.date(p.newest)})입니다. 내보내기가 그만큼 오래되었다면 그 이후의 변화는 빠져 있습니다. 데이터를 다시 내보내거나 그 날짜 기준으로 빌드하세요(--as-of ${p.newest}).`,
    noDataBefore: (p, f) =>
      `이 데이터에는 ${f.dateLong(p.date)} 이전의 기록이 없습니다. 그때까지 생성·마감·이동된 딜이 없으므로, 여기의 모든 수치가 비어 있는 것은 파이프라인이 아니라 데이터가 비어 있기 때문입니다. 내보내기에 딜이 들어 있는지(모든 날짜의 필터 없는 보기) 확인하고 다시 내보내거나, 더 나중 날짜 기준으로 빌드하세요.`,
    noDealRows:
      'deals.csv에 머리글 말고는 행이 없어, 여기의 모든 수치가 비어 있는 것은 파이프라인이 아니라 파일이 비어 있기 때문입니다. 내보내기에 딜이 들어 있는지(모든 날짜의 필터 없는 보기) 확인하고 다시 내보내세요.',
    noAmounts: (p) =>
      `이 데이터에는 금액이 있는 딜이 하나도 없어(금액 열이 비어 있음) 모든 금액이 ${josa(p.zero, '으로/로')} 보이며, 금액으로 계산하는 수치(가중 파이프라인, 영업 속도, 커버리지, 단계·담당자·사유별 금액)는 의미가 없습니다. CRM에 딜마다 금액을 기록하고 딜과 함께 내보내세요.`,
    zeroAmounts: (p) =>
      `이 데이터에는 딜 금액이 모두 ${josa(p.zero, '으로/로')} 기록되어 있어 모든 금액이 ${josa(p.zero, '으로/로')} 보이며, 금액으로 계산하는 수치(가중 파이프라인, 영업 속도, 커버리지, 단계·담당자·사유별 금액)는 의미가 없습니다. 내보내기의 금액 열에 딜 금액이 들어 있는지 확인하세요.`,
    someAmountsMissing: (p, f) =>
      `진행 중 딜 ${f.count(p.open)}건 중 ${f.count(p.count)}건(${f.percent(p.count / p.open)})에 금액이 없어 ${josa(p.zero, '으로/로')} 셉니다. 그래서 진행 중·가중 파이프라인, 커버리지, 수주 예측이 그 딜의 가치만큼 적게 나옵니다. CRM에 딜마다 금액을 기록하세요(딜 목록에는 “금액 없음”으로 보입니다).`,
    noProbabilities:
      'pipeline.config.json에서 진행 중 단계의 수주 확률이 모두 0이라 가중 파이프라인이 아무것도 세지 않고 예측의 가중 금액도 0으로 나옵니다. 진행 중 단계마다 수주 확률, 곧 그 단계의 딜 중 수주를 기대하는 비율을 설정하세요(퍼널 페이지에서 각 단계에 도달한 딜 중 실제로 수주한 비율을 볼 수 있습니다).',
    wonOnlyExport: (p, f) =>
      `분석 기간에 종료된 딜 ${f.count(p.won)}건이 모두 수주이고 실주는 하나도 없어 수주율이 100%로 보입니다. 내보내기가 수주 딜만 걸러낸 것은 아닌가요(“수주 완료” 보고서나 보기)? 그렇다면 실주 딜과 진행 중 딜까지 모든 딜을 내보내 다시 빌드하세요.`,
    closedOnlyExport: (p, f) =>
      `분석 기간에 종료된 딜은 ${f.count(p.closed)}건인데 기준일에 진행 중인 딜이 하나도 없어 파이프라인, 커버리지, 수주 예측이 비어 있습니다. 내보내기가 종료된 딜만 걸러낸 것은 아닌가요? 그렇다면 진행 중 딜까지 모든 딜을 내보내 다시 빌드하세요.`,
    noDealRead: (p, f) =>
      `${p.dealsFile}의 ${f.count(p.rows)}행을 하나도 쓰지 못했습니다. 모든 행이 제외되었습니다${p.reason}. 그래서 여기의 모든 수치가 비어 있는 것은 파이프라인이 아니라 딜을 하나도 읽지 못했기 때문입니다. 데이터 품질 페이지에 제외된 행과 고칠 방법이 모두 있습니다. 내보내기(또는 pipeline.config.json)를 고친 뒤 다시 빌드하세요.`,
    mostDealsRejected: (p, f) =>
      `${p.dealsFile} 전체 ${f.count(p.rows)}행 중 ${f.count(p.rejected)}행이 제외되었습니다${p.reason}. 그래서 여기의 모든 수치는 나머지 ${f.deals(p.accepted)}만 센 것입니다. 데이터 품질 페이지에 제외된 행과 고칠 방법이 모두 있습니다. 내보내기(또는 pipeline.config.json)를 고친 뒤 다시 빌드하세요.`,
    noHistoryRead: (p, f) =>
      `stage_history.csv의 ${f.count(p.rows)}행을 하나도 쓰지 못했습니다. 모든 행이 제외되었습니다${p.reason}. 그래서 각 딜의 현재 단계만 알 수 있으며, 딜이 거쳐 온 단계가 필요한 수치마다 그 사실을 알려 줍니다. 데이터 품질 페이지에 제외된 행과 고칠 방법이 모두 있습니다. 내보내기를 고친 뒤 다시 빌드하세요.`,
    mostHistoryRejected: (p, f) =>
      `stage_history.csv 전체 ${f.count(p.rows)}행 중 ${f.count(p.rejected)}행이 제외되었습니다${p.reason}. 그래서 그 행들이 기록한 단계 변경이 퍼널, 단계별 소요 시간, 정체 딜, 추이에서 빠져 있습니다. 데이터 품질 페이지에 제외된 행과 고칠 방법이 모두 있습니다. 내보내기를 고친 뒤 다시 빌드하세요.`,
    rejectedReason: (p, f) => `(가장 많은 문제 ${f.count(p.count)}건, 처음 나온 곳 ${p.at}: ${p.message})`,
    beforeData: (p, f) =>
      p.first === null
        ? '데이터에 기록된 딜이 없어 변화를 표시하지 않습니다.'
        : `데이터의 첫 기록이 ${f.dateLong(p.first)}이라 그 전인 ${f.dateLong(p.date)} 대비 변화는 표시하지 않습니다(그때는 데이터에 딜이 없습니다).`,
  },
  tiles: {
    openPipeline: '진행 중 파이프라인',
    weightedPipeline: '가중 파이프라인',
    coverage: '목표 대비 커버리지',
    winRateByCount: '수주율(건수 기준)',
    winRateByValue: '수주율(금액 기준)',
    medianCycle: '영업 사이클 중앙값',
    salesVelocity: '영업 속도',
    openDeals: '진행 중 딜',
    stalledDeals: '정체 딜',
    since: (p, f) => `${f.date(p.date)} 대비`,
    noComparison: (p, f) => `비교 불가: ${f.date(p.date)} 기준 수치 없음`,
    noComparisonTarget: (p, f) => `비교 불가: ${f.date(p.date)} 기준 해당 기간 목표 없음`,
    noComparisonMet: (p, f) => `비교 불가: ${f.dateLong(p.date)}에 이미 ${f.period(p.period)} 목표를 달성함`,
    better: '개선',
    worse: '악화',
    comparedWith: (p, f) => `변화는 ${f.count(p.days)}일 전(${f.date(p.date)}) 대비입니다.`,
    windowNote: (p, f) =>
      `수주율, 영업 사이클 중앙값, 영업 속도는 분석 기간(${f.date(p.from)} ~ ${f.date(p.to)})에 마감된 딜, 단계별 전환율은 이 기간에 생성된 딜 기준입니다.`,
    noTarget: '이번 기간 목표 없음',
    noAmounts: '데이터에 금액 없음',
    noProbabilities: '단계별 수주 확률 미설정',
    withoutAmount: (p, f) => `금액 없음 ${f.count(p.count)}건`,
    coverageNoCloseDates: '예상 마감일이 있는 진행 중 딜 없음',
    coverageParts: (p, f) => `마감 예정 ${f.moneyCompact(p.open)} ÷ 남은 목표 ${f.moneyCompact(p.remaining)}`,
    coveragePastDue: (p, f) => `${f.moneyCompact(p.amount)} 마감일 경과`,
    targetMet: '목표 달성',
    coverageMet: (p, f) => joinItems([f.period(p.period), `목표 ${f.moneyCompact(p.target)}, 수주 ${f.moneyCompact(p.won)}`]),
    noTargetFilter: '제품·유입 경로·세그먼트·업종·지역·기간별 목표 없음',
    velocityNoWon: '분석 기간에 수주한 딜 없음: 평균 수주 금액·수주 사이클을 알 수 없음',
    velocityZeroCycle: '수주 딜이 모두 생성 당일 마감됨: 평균 수주 사이클 0일',
    noClosed: '분석 기간에 마감된 딜 없음',
    hints: {
      openPipeline: '아직 마감되지 않은 모든 딜의 금액',
      weightedPipeline: '진행 중 딜 금액 × 단계별 수주 확률',
      coverage: '예상 마감일이 이번 기간에 속한 진행 중 딜 금액(기간 중 이미 지난 날짜 포함) ÷ 남은 목표 금액',
      winRateByCount: '분석 기간에 마감된 딜 중 수주 건수 비율',
      winRateByValue: '분석 기간에 마감된 딜 금액 중 수주 금액 비율',
      medianCycle: '딜 생성부터 마감(수주·실주)까지 걸린 일수',
      salesVelocity: '진행 중 딜 수 × 수주율 × 평균 수주 금액 ÷ 평균 수주 사이클',
      stalledDeals: '단계별 정체 기준보다 오래 같은 단계에 머문 진행 중 딜',
    },
    trend: (p) => `${p.label}: 최근 12개월 추이`,
    trendLink: '12개월 추이',
  },
  columns: {
    stage: '단계',
    probability: '수주 확률',
    buyer_step: '고객 구매 단계',
    won_of_closed: '종결 중 수주',
    closed_count: '종결 딜',
    count: '건수',
    amount: '금액',
    weighted_amount: '가중 금액',
    cohort_size: '분석 대상 딜 수',
    reached: '도달',
    advanced: '다음 단계 진행',
    won: '수주',
    lost: '실주',
    conversion: '전환율',
    win_rate: '수주율',
    visits: '체류 건수',
    mean_days: '평균',
    median_days: '중앙값',
    p75_days: '75백분위수',
    p90_days: '90백분위수',
    category: '구분',
    input: '입력 요소',
    measure: '지표',
    value: '값',
    reason: '사유',
    outcome_reason: '수주·실주 사유',
    competitor: '경쟁사',
    deal: '딜',
    deal_id: '딜 ID',
    deal_name: '딜명',
    stage_at_removal: '삭제 시점 단계',
    removed_at: '삭제일',
    basis: '산정 방식',
    days_in_stage: '단계 체류 일수',
    threshold_days: '정체 기준(일)',
    flags: '위험 신호',
    pushes: '마감일 연기 횟수',
    expected_close: '예상 마감일',
    created: '생성일',
    closed: '마감일',
    state: '진행 상태',
    account: '고객사',
    account_id: '고객사 ID',
    product: '제품',
    base_date: '도입일',
    next_purchase_at: '재구매 예정일',
    next_purchase_month: '재구매 예정월',
    status: '상태',
    bucket: '예상 마감 시기',
    month: '월',
    period: '기간',
    target_amount: '목표 금액',
    won_amount: '누적 수주 금액',
    lost_amount: '실주 금액',
    remaining: '남은 목표',
    ratio: '커버리지',
    per_day: '영업 속도',
    avg_won_amount: '평균 수주 금액',
    mean_won_cycle_days: '평균 수주 사이클',
    owner: '담당자',
    team: '팀',
    open_count: '진행 중 딜',
    open_amount: '진행 중 금액',
    won_count: '수주 건수',
    lost_count: '실주 건수',
    median_cycle_days: '영업 사이클 중앙값',
    stalled_count: '정체 딜',
    industry: '업종',
    segment: '세그먼트',
    region: '지역',
    keyman: '키맨',
    relationship: '관계',
    budget_cycle_month: '예산 편성 월',
    installed_competitor: '도입된 경쟁 제품',
    notes: '메모',
    file: '파일',
    line: '행',
    column: '열',
    code: '코드',
    severity: '심각도',
    message: '내용',
    rows: '전체 행',
    accepted: '반영',
    rejected: '제외',
    issueCount: '문제 수',
    firstLine: '첫 행',
    firstMessage: '첫 문제 내용',
  },
  sections: {
    keyFigures: '핵심 지표',
    pipelineByStage: '단계별 진행 중 파이프라인',
    conversion: '단계별 전환율',
    timeInStage: '단계별 체류 기간',
    cycleLength: '영업 사이클',
    velocityInputs: '영업 속도 구성 요소',
    stageProbabilities: '단계별 수주 확률과 실제 수주',
    wonTimeInStage: '수주한 딜이 단계별로 머문 기간',
    coverage: '목표 대비 커버리지',
    callByOwner: '담당자별 예측',
    lossReasons: '실주 사유',
    winReasons: '수주 사유',
    lostAtStage: '실주 발생 단계',
    lossReasonsByStage: '실주 사유별 실주 발생 단계',
    lossReasonsByQuarter: '분기별 실주 사유',
    winRateByQuarter: '분기별 수주율',
    qualification: '키맨·예산 확인 여부별 수주율',
    bySource: '유입 경로별 수주율',
    bySegment: '고객 세그먼트별 수주율',
    byIndustry: '업종별 수주율',
    byRegion: '지역별 수주율',
    competitors: '경쟁사별 승패',
    flaggedOpen: '위험 신호가 있는 진행 중 딜(아직 정체 아님)',
    stalled: '정체 딜',
    openDeals: '진행 중 딜',
    forecast: '예상 마감월별 파이프라인',
    intake: '월별 신규 딜',
    waterfall: '파이프라인 변동',
    stageMoves: '기간 초 진행 중 딜의 단계 이동',
    slippage: '마감일 연기 현황',
    repurchase: '재구매 일정',
    repurchaseDue: '재구매 시점이 돌아오는 고객(가까운 순)',
    byOwner: '담당자별',
    byTeam: '팀별',
    files: '읽어 들인 파일',
    issues: '문제 목록',
    issueKinds: '종류별 문제',
    removedDeals: 'CRM에서 삭제된 딜',
    stallThresholds: '단계별 정체 기준',
    dataSource: '데이터 원본',
    limits: '이 데이터로 볼 수 없는 것',
  },
  flags: {
    past_expected_close: '예상 마감일 경과',
    pushed: '마감일 반복 연기',
    no_keyman: '딜 키맨 미확인',
    budget_unconfirmed: '예산 미확정',
  },
  pushedTimes: (p, f) => `마감일 ${p.date ? `${f.date(p.date)}부터 ` : ''}${f.count(p.count)}회 연기`,
  cellNotes: {
    pastDue: '마감일 경과',
    targetMet: '목표 달성',
  },
  repurchaseStatus: {
    covered: '후속 딜 있음',
    overdue: '재구매 시점 경과',
    upcoming: '12개월 내 도래',
    later: '12개월 이후',
  },
  qualification: {
    check: '마감 딜',
    keymanNamed: '키맨 확인',
    keymanMissing: '키맨 미확인',
    budgetConfirmed: '예산 확정',
    budgetUnconfirmed: '예산 미확정',
    closed: '마감',
    keyman: (p) => `분석 기간에 마감된 딜 중 키맨을 확인한 딜의 수주율은 ${p.with}(${p.withCounts}), 키맨이 없는 딜은 ${p.without}(${p.withoutCounts})입니다.`,
    budget: (p) => `예산이 확정된 딜의 수주율은 ${p.with}(${p.withCounts}), 확정되지 않은 딜은 ${p.without}(${p.withoutCounts})입니다.`,
    counts: (p, f) => `${f.count(p.closed)}건 중 ${f.count(p.won)}건`,
    tooFew: (p, f) => `‘${p.what}’ 상태로 마감된 딜이 ${f.count(p.count)}건뿐이라 수주율을 비교하기에는 너무 적습니다.`,
    noColumn: (p) => `deals.csv에 ${p.column} 열이 없습니다. 이 값이 있는 딜을 더 자주 수주하는지 보려면 이 열을 함께 내보내세요.`,
    asExported: '키맨과 예산은 딜이 진행되던 당시가 아니라 현재 내보내기에 기록된 값입니다.',
  },
  groups: {
    wonAmount: '수주 금액',
    source: {
      column: '유입 경로',
      spread: (p) =>
        `분석 기간에 마감된 딜의 수주율은 ${p.best}에서 유입된 딜이 가장 높았고(${p.bestRate}, ${p.bestCounts}), ${p.worst}에서 유입된 딜이 가장 낮았습니다(${p.worstRate}, ${p.worstCounts}).`,
      same: (p) => `마감 딜이 충분한 유입 경로는 모두 수주율이 ${p.rate}로 같습니다.`,
      tooFew: (p, f) => `분석 기간에 마감된 딜이 ${f.count(p.min)}건 이상인 유입 경로가 둘 미만이라 수주율을 비교하기에는 너무 적습니다.`,
      mostWon: (p) => `수주 금액은 ${p.name}에서 가장 많이 나왔습니다: ${p.amount}, 전체의 ${p.share}.`,
      unspecified: (p, f) => `분석 기간에 마감된 딜 ${f.count(p.total)}건 중 ${f.count(p.count)}건은 유입 경로가 비어 있습니다. CRM에서 채우면 경로별로 집계됩니다.`,
      noColumn: () =>
        'deals.csv에 source 열이 없습니다. 어느 유입 경로의 딜이 수주되는지 보려면 딜마다 유입 경로(인바운드, 아웃바운드, 소개, 파트너; HubSpot의 Original Source, Salesforce의 Lead Source, Pipedrive의 Source channel)를 함께 내보내세요.',
      noneRecorded: '분석 기간에 진행 중이거나 마감된 딜 중 유입 경로가 있는 딜이 없습니다. 어느 경로의 딜이 수주되는지 보려면 CRM에서 source 열을 채우세요.',
    },
    segment: {
      column: '고객 세그먼트',
      spread: (p) =>
        `분석 기간에 마감된 딜의 수주율은 ${p.best} 세그먼트 고객의 딜이 가장 높았고(${p.bestRate}, ${p.bestCounts}), ${p.worst} 세그먼트 고객의 딜이 가장 낮았습니다(${p.worstRate}, ${p.worstCounts}).`,
      same: (p) => `마감 딜이 충분한 고객 세그먼트는 모두 수주율이 ${p.rate}로 같습니다.`,
      tooFew: (p, f) => `분석 기간에 마감된 딜이 ${f.count(p.min)}건 이상인 고객 세그먼트가 둘 미만이라 수주율을 비교하기에는 너무 적습니다.`,
      mostWon: (p) => `수주 금액은 ${p.name} 세그먼트 고객에게서 가장 많이 나왔습니다: ${p.amount}, 전체의 ${p.share}.`,
      unspecified: (p, f) =>
        `분석 기간에 마감된 딜 ${f.count(p.total)}건 중 ${f.count(p.count)}건은 고객사의 세그먼트가 accounts.csv에 없습니다. 고객사나 세그먼트를 추가하면 세그먼트별로 집계됩니다.`,
      noColumn: (p) =>
        p.salesforce
          ? 'Salesforce에서는 세그먼트를 알 수 없어(Salesforce에는 표준 세그먼트 필드가 없고, Salesforce 개체 옆의 accounts.csv는 읽지 않습니다) 딜을 세그먼트별로 보여 줄 수 없습니다.'
          : (p.file ? 'accounts.csv에 segment 열이 없습니다. ' : 'accounts.csv가 없습니다. ') +
            '어떤 고객의 딜이 수주되는지 보려면 고객사별 세그먼트(account_id, segment: 대기업, 중견기업, 중소기업 등)를 accounts.csv에 추가하세요.',
      noneRecorded: '분석 기간에 진행 중이거나 마감된 딜 중 accounts.csv에 세그먼트가 있는 고객사의 딜이 없습니다. 어떤 고객의 딜이 수주되는지 보려면 segment 열을 채우세요.',
    },
    industry: {
      column: '업종',
      spread: (p) =>
        `분석 기간에 마감된 딜의 수주율은 ${p.best} 업종의 딜이 가장 높았고(${p.bestRate}, ${p.bestCounts}), ${p.worst} 업종의 딜이 가장 낮았습니다(${p.worstRate}, ${p.worstCounts}).`,
      same: (p) => `마감 딜이 충분한 업종은 모두 수주율이 ${p.rate}로 같습니다.`,
      tooFew: (p, f) => `분석 기간에 마감된 딜이 ${f.count(p.min)}건 이상인 업종이 둘 미만이라 수주율을 비교하기에는 너무 적습니다.`,
      mostWon: (p) => `수주 금액은 ${p.name} 업종에서 가장 많이 나왔습니다: ${p.amount}, 전체의 ${p.share}.`,
      unspecified: (p, f) =>
        `분석 기간에 마감된 딜 ${f.count(p.total)}건 중 ${f.count(p.count)}건은 고객사의 업종이 accounts.csv에 없습니다. 고객사나 업종을 추가하면 업종별로 집계됩니다.`,
      noColumn: (p) =>
        p.salesforce
          ? `${p.file ? 'Salesforce Account 파일에 Industry 열이 없습니다' : 'Salesforce Account 파일이 없습니다'}. 어느 업종의 딜이 수주되는지 보려면 Account를 Id, Name, Industry와 함께 영업 기회 옆에 내보내세요.`
          : (p.file ? 'accounts.csv에 industry 열이 없습니다. ' : 'accounts.csv가 없습니다. ') +
        '어느 업종의 딜이 수주되는지 보려면 고객사별 업종(account_id, industry; HubSpot과 Salesforce의 Industry)을 accounts.csv에 추가하세요.',
      noneRecorded: '분석 기간에 진행 중이거나 마감된 딜 중 accounts.csv에 업종이 있는 고객사의 딜이 없습니다. 어느 업종의 딜이 수주되는지 보려면 industry 열을 채우세요.',
    },
    region: {
      column: '지역',
      spread: (p) =>
        `분석 기간에 마감된 딜의 수주율은 ${p.best} 지역 고객사의 딜이 가장 높았고(${p.bestRate}, ${p.bestCounts}), ${p.worst} 지역 고객사의 딜이 가장 낮았습니다(${p.worstRate}, ${p.worstCounts}).`,
      same: (p) => `마감 딜이 충분한 지역은 모두 수주율이 ${p.rate}로 같습니다.`,
      tooFew: (p, f) => `분석 기간에 마감된 딜이 ${f.count(p.min)}건 이상인 지역이 둘 미만이라 수주율을 비교하기에는 너무 적습니다.`,
      mostWon: (p) => `수주 금액은 ${p.name} 지역에서 가장 많이 나왔습니다: ${p.amount}, 전체의 ${p.share}.`,
      unspecified: (p, f) =>
        `분석 기간에 마감된 딜 ${f.count(p.total)}건 중 ${f.count(p.count)}건은 고객사의 지역이 accounts.csv에 없습니다. 고객사나 지역을 추가하면 지역별로 집계됩니다.`,
      noColumn: (p) =>
        p.salesforce
          ? `${p.file ? 'Salesforce Account 파일에 BillingState나 BillingCountry 열이 없습니다' : 'Salesforce Account 파일이 없습니다'}. 어느 지역의 딜이 수주되는지 보려면 Account를 Id, Name, BillingState(또는 BillingCountry)와 함께 영업 기회 옆에 내보내세요.`
          : (p.file ? 'accounts.csv에 region 열이 없습니다. ' : 'accounts.csv가 없습니다. ') +
            '어느 지역의 딜이 수주되는지 보려면 고객사별 지역이나 영업 권역(account_id, region; HubSpot의 State/Region)을 accounts.csv에 추가하세요.',
      noneRecorded: '분석 기간에 진행 중이거나 마감된 딜 중 accounts.csv에 지역이 있는 고객사의 딜이 없습니다. 어느 지역의 딜이 수주되는지 보려면 region 열을 채우세요.',
    },
  },
  repurchaseLead: {
    column: '착수 시점',
    late: '착수 시점 경과: 지금 딜을 여세요',
    intro: (p, f) =>
      `‘착수 시점’은 재구매 예정일에서 제품별 영업 주기 중앙값(분석 기간에 수주한 딜 기준)을 거슬러 계산한 날짜입니다. ` +
      (p.count === 0
        ? `후속 딜이 없는 재구매 중 ${f.dateLong(p.date)}까지 딜을 열었어야 하는 건은 없습니다.`
        : `후속 딜이 없는 재구매 중 ${f.count(p.count)}건은 ${f.dateLong(p.date)}까지 딜을 열었어야 합니다(그중 재구매 시점 경과 ${f.count(p.overdue)}건, ⚠ 표시).`) +
      (p.unmeasured.length === 0 ? '' : ` ${p.unmeasured.join(', ')}: 분석 기간에 수주한 딜이 ${f.count(p.min)}건 미만이라 착수 시점을 계산하지 않습니다.`),
    noMedian: (p, f) => `분석 기간에 수주한 딜이 ${f.count(p.min)}건 이상인 제품이 없어 재구매 예정일에서 착수 시점을 계산하지 않습니다.`,
  },
  quietOwners: {
    since: (p) => `${p.date} 이후 딜 활동 없음`,
    repurchase: (p, f) =>
      `기한이 지났거나 12개월 안에 돌아오는 재구매 중 ${f.count(p.count)}건은 진행 중인 딜이 없고 최근 ${f.count(p.days)}일 동안 딜 활동이 없는 담당자(${p.names}, 담당자 열에 ⚠ 표시)가 판매한 건입니다. 이 고객사를 현재 담당자에게 넘기세요.`,
    owner: (p, f) =>
      `진행 중인 딜이 없고 ${p.date} 이후(기준일 전 ${f.count(p.days)}일 넘게) 딜 활동이 없습니다` +
      (p.due > 0 ? `. 이 담당자의 고객사 재구매 중 ${f.count(p.due)}건이 기한이 지났거나 12개월 안에 돌아옵니다. 현재 담당자에게 넘기세요.` : '.'),
  },
  followUps: {
    column: '후속 딜',
    cell: (p, f) =>
      // '진행 2건, 실주 7건': two lines in a phone's narrow column ('진행 중' would make it three).
      [p.open > 0 ? `진행 ${f.count(p.open)}건` : '', p.won > 0 ? `수주 ${f.count(p.won)}건` : '', p.lost > 0 ? `실주 ${f.count(p.lost)}건` : ''].filter(Boolean).join(', '),
    allLost: '후속 딜이 모두 실주되어 재구매는 아직 수주하지 못했습니다.',
    csvOpen: '진행 중인 후속 딜',
    csvWon: '수주한 후속 딜',
    csvLost: '실주한 후속 딜',
    note: (p, f) =>
      `“${p.title}” 목록의 재구매 ${f.count(p.covered)}건 중 ${f.count(p.count)}건은 후속 딜이 모두 실주했습니다(목록에 ⚠ 표시). 후속 딜이 있어 후속 조치된 것으로 집계되지만, 진행 중이거나 수주한 후속 딜이 없어 재구매는 아직 수주 전입니다.`,
  },
  forecastBucket: {
    overdue: '예상 마감일 경과',
    later: '그 이후',
    unscheduled: '마감일 미정',
    restOfMonth: (p) => `${p.month} 남은 기간`,
  },
  forecastPage: {
    // No-break spaces: a narrow cell breaks before the parenthesis, never inside it ('(이번' / '달)').
    periodWhen: {
      currentMonth: (p, f) => `${f.period(p.period)}(이번\u00a0달)`,
      nextMonth: (p, f) => `${f.period(p.period)}(다음\u00a0달)`,
      currentQuarter: (p, f) => `${f.period(p.period)}(이번\u00a0분기)`,
      nextQuarter: (p, f) => `${f.period(p.period)}(다음\u00a0분기)`,
    },
    attainment: '예상 달성률: 목표 대비 수주·커밋·베스트 케이스',
    pastDue: (p, f) =>
      `${f.period(p.period)} 마감 예정으로 잡힌 진행 중 딜 중 ${f.count(p.count)}건(${f.moneyCompact(p.amount)})은 예상 마감일이 이미 지났습니다` +
      (p.projected === null ? '.' : `. 이 딜들을 빼면 예상 달성률은 커밋 포함 ${f.percent(p.projected.commit)}, 베스트 케이스 포함 ${f.percent(p.projected.bestCase)}입니다.`),
    attainmentPastDue: (p, f) =>
      `${p.period}: 예상 마감일이 지난 진행 중 딜 ${f.count(p.count)}건을 빼면 ${p.reach === 'commit' ? '커밋까지 더하면 목표를 달성합니다' : p.reach === 'bestCase' ? '베스트 케이스까지 더해야 목표를 달성합니다' : '베스트 케이스까지 더해도 목표에 못 미칩니다'}` +
      `(수주 ${f.percent(p.wonShare)}, 커밋 포함 ${f.percent(p.projected.commit)}, 베스트 케이스 포함 ${f.percent(p.projected.bestCase)}. 그 딜을 넣으면 커밋 포함 ${f.percent(p.counting.commit)}, 베스트 케이스 포함 ${f.percent(p.counting.bestCase)}).`,
    uncategorised: (p, f) =>
      `${f.period(p.period)}에 마감 예정인 진행 중 딜 ${f.count(p.count)}건(${f.moneyCompact(p.amount)})에 예측 범주가 없어, 예상 달성률의 커밋과 베스트 케이스 어디에도 들어가지 않습니다. 담당자에게 범주를 정하도록 하세요(딜 목록의 ‘범주 없음’).`,
    attainmentIntro: (p) =>
      `수주: 마감일이 해당 기간인 수주 딜. 커밋: 해당 기간에 마감 예정인 진행 중 딜(기간 안에서 이미 지난 예상 마감일 포함) 가운데 담당자가 커밋으로 분류한 딜. 베스트 케이스: 커밋 또는 베스트 케이스로 분류한 딜로, 커밋을 포함합니다. 모두 해당 기간 ${{ company: '전사', owner: '이 담당자의', team: '이 팀의' }[p.whose]} 목표 대비 비율입니다.`,
    coverageIntro:
      '기간 내 마감 예정: 예상 마감일이 해당 기간에 속하는 모든 진행 중 딜로, 이미 지난 날짜도 포함합니다(아래 차트에서는 ‘예상 마감일 경과’로 따로 집계). 커버리지: 이 금액 ÷ 남은 목표.',
    callIntro: (p, f) =>
      `담당자별 ${f.period(p.period)} 예측입니다. 지금까지의 수주, 그 기간에 마감 예정인 진행 중 딜 중 담당자가 커밋과 베스트 케이스(커밋 포함)로 표시한 금액, 목표 대비 수주 + 커밋을 보여 주며, 목표에서 가장 먼 담당자부터 정렬했습니다.`,
    callIntroNoTargets: (p, f) =>
      `담당자별 ${f.period(p.period)} 예측입니다. 지금까지의 수주와 그 기간에 마감 예정인 진행 중 딜 중 담당자가 커밋과 베스트 케이스(커밋 포함)로 표시한 금액을 베스트 케이스가 큰 순서로 보여 줍니다. 이 보기에는 담당자 목표가 적용되지 않아(targets.csv는 담당자와 기간별로 목표를 정합니다) 목표와 비교하지 않습니다.`,
    coverageLinks: '기간을 누르면 이 페이지를 그 기간의 딜, 곧 그 기간에 수주·실주된 딜과 예상 마감일이 그 기간인 진행 중 딜로 필터해 엽니다.',
    accuracy: '예측 정확도: 가중 예측 대비 수주',
    accuracyIntro:
      '매월 초 시점에 그달 마감 예정이던 진행 중 딜을 단계별 수주 확률로 가중한 예측과, 실제로 그달에 수주한 금액을 비교합니다. 이력에서 재현하므로 예측 스냅숏을 따로 저장하지 않아도 됩니다.',
    byMonthIntro:
      '진행 중 딜을 예상 마감일별로 나눕니다. 예상 마감일이 이미 지난 딜은 ‘예상 마감일 경과’로 따로 집계하고 원래 날짜의 달에 넣지 않으며, 기준일이 속한 달에는 기준일 이후 마감 예정인 딜만 들어갑니다.',
    columns: {
      period: '기간',
      target: '목표',
      won: '수주',
      commit: '커밋',
      bestCase: '베스트 케이스(커밋 포함)',
      wonShare: '수주 ÷ 목표',
      commitShare: '(수주 + 커밋) ÷ 목표',
      bestCaseShare: '(수주 + 베스트 케이스) ÷ 목표',
      remaining: '남은 목표',
      openDue: '기간 내 마감 예정(지난 날짜 포함)',
      coverage: '커버리지',
      targetMet: '목표 달성',
      forecastCount: '월초 예측 딜 수',
      forecastAmount: '예측 딜 금액',
      forecastWeighted: '가중 예측',
      wonCount: '수주 딜 수',
      wonAmount: '그달 수주 금액',
      wonFromForecast: '예측 딜 중 수주',
      ratio: '수주 ÷ 가중 예측',
    },
    key: {
      won: '수주',
      commit: '+ 커밋',
      bestCase: '+ 베스트 케이스',
      target: '목표',
      forecast: '월초 가중 예측',
      wonInMonth: '그달 수주',
      ratio: '% = 수주 ÷ 예측',
    },
    axis: '목표 대비 비율',
    deals: {
      heading: '이번 달·이번 분기 마감 예정 딜',
      intro:
        '아래 목록은 ‘예상 마감월별 파이프라인’ 차트에서 이번 달과 이번 분기 남은 달의 막대를 이루는 진행 중 딜이며, 예상 마감일이 이미 지난 딜은 따로 보여 줍니다. 예측 범주(커밋, 베스트 케이스, 파이프라인, 제외, 범주 없음) 순, 같은 범주 안에서는 금액이 큰 순으로 정렬하며, 목록마다 합계는 해당 막대의 수치와 같습니다. 위험 신호는 정체 딜 페이지와 같은 기준입니다.',
      quarterEnds: (p, f) => `이번 달이 ${f.period(p.quarter)}의 마지막 달이므로 이번 달 목록이 곧 이번 분기의 남은 딜입니다.`,
      thisMonth: (p, f) => `${f.period(p.month)}(이번\u00a0달, ${f.date(p.from)} 이후 마감 예정)`,
      restOfQuarter: (p, f) =>
        p.from === p.to ? `이번 분기 남은 달: ${f.period(p.from)}(${f.period(p.quarter)})` : `이번 분기 남은 달: ${f.period(p.from)}~${f.period(p.to)}(${f.period(p.quarter)})`,
      pastDue: '예상 마감일이 지난 진행 중 딜',
      closingPeriod: (p, f) => `${f.period(p.period)} 중 이번 분기 이후: ${p.from === p.to ? f.period(p.from) : `${f.period(p.from)}~${f.period(p.to)}`}`,
      closingIntro: (p, f) => `마감 시기 필터(${f.period(p.period)})가 이번 분기 뒤까지 이어지므로, 마지막 목록에 이번 분기 이후 마감 예정인 진행 중 딜을 보여 줍니다.`,
      columns: {
        deal: '딜',
        category: '예측 범주',
        risk: '위험 신호',
      },
      categories: { commit: '커밋', best_case: '베스트 케이스', pipeline: '파이프라인', omitted: '예측 제외' },
      noCategory: '범주 없음',
      total: (p, f) => `합계: ${f.count(p.count)}건`,
      totalCommit: (p, f) => joinItems([`커밋 ${f.moneyCompact(p.commit)}`, `베스트 케이스 ${f.moneyCompact(p.bestCase)}`]),
      noCategories:
        'deals.csv에 forecast_category 열이 없어 어느 딜이 커밋이나 베스트 케이스인지 보여 줄 수 없으므로 금액순으로 정렬합니다. Salesforce의 예측 범주(ForecastCategoryName)나 HubSpot의 Forecast category를 딜과 함께 내보내거나, deals.csv에 forecast_category 열(commit, best_case, pipeline, omitted)을 추가하세요.',
      empty: {
        month: (p, f) => `${f.period(p.month)} 남은 기간에 마감 예정인 진행 중 딜이 없습니다.`,
        restOfQuarter: (p, f) => `${f.period(p.quarter)}의 남은 달에 마감 예정인 진행 중 딜이 없습니다.`,
        pastDue: '예상 마감일이 지난 진행 중 딜이 없습니다.',
        closingPeriod: (p, f) =>
          p.from === p.to ? `${f.period(p.from)}에 마감 예정인 진행 중 딜이 없습니다.` : `${f.period(p.from)}~${f.period(p.to)}에 마감 예정인 진행 중 딜이 없습니다.`,
      },
    },
    won: {
      heading: (p, f) => `${f.period(p.quarter)} 수주 딜(지금까지)`,
      intro: (p, f) => `${f.period(p.quarter)}에 ${f.date(p.asOf)}까지 수주한 딜을 금액이 큰 순서로 보여 줍니다. 이 분기 목표 달성률과 커버리지의 수주 금액을 딜별로 본 것입니다.`,
      closed: '수주일',
      empty: (p, f) => `${f.date(p.asOf)}까지 ${f.period(p.quarter)}에 수주한 딜이 없습니다.`,
    },
  },
  trends: {
    pointNote: (p, f) =>
      `각 점은 그달 말일 시점의 파이프라인이며, 다른 모든 수치와 같은 계산 엔진으로 구했습니다(그 날짜를 기준일로 빌드하면 같은 값이 나옵니다). 마지막 점은 기준일(${f.date(p.date)})입니다. 각 시점의 수주율과 영업 사이클은 그 전 ${f.count(p.days)}일을 대상으로 합니다.`,
    table: '월말 시점별 추이 수치',
    date: '날짜',
    asOf: (p) => `${p.date}(기준일)`,
    sinceData: (p) =>
      `데이터의 첫 기록이 ${p.month}에 있어 추이는 그달 말부터 보여 줍니다. 그 전에는 데이터에 딜이 없어 그 달들의 수치는 0일 뿐 의미가 없기 때문입니다. 더 많은 달을 보려면 그 이전 이력도 내보내세요.`,
  },
  slippage: {
    pushesInWindow: (p, f) => `분석 기간(${f.date(p.from)} ~ ${f.date(p.to)})의 마감일 연기 횟수`,
    openDealsPushed: '마감일이 한 번이라도 연기된 진행 중 딜',
    sharePushed: '마감일이 한 번이라도 연기된 진행 중 딜 비율',
  },
  waterfall: {
    start: '기초 파이프라인',
    new: '신규',
    won: '수주',
    lost: '실주',
    removed: '삭제',
    reopened: '재개',
    end: '기말 파이프라인',
    advanced: '단계 진전',
    moved_back: '단계 후퇴',
    unchanged: '단계 유지',
  },
  waterfallAmounts: {
    atEnd: (p, f) => `이 페이지의 금액은 모두 ${f.date(p.to)} 기준 딜 금액입니다. 기간 초에 진행 중이던 딜도 같아서, 금액도 건수처럼 더하고 빼면 맞아떨어집니다.`,
    restated: (p, f) =>
      `이 페이지의 금액은 모두 ${f.date(p.to)} 기준 딜 금액이라, ${f.dateLong(p.from)}에 진행 중이던 딜이 ${f.moneyCompact(p.start)}에서 시작합니다. 날짜마다 그날의 금액을 쓰는 개요와 추이에서는 ${f.moneyCompact(p.then)}입니다. 그 뒤 이 딜들의 금액이 합계 ${f.moneyCompact(Math.abs(p.start - p.then))} ${p.start >= p.then ? '늘었습니다' : '줄었습니다'}.`,
  },
  cycleGroup: { won: '수주 딜', lost: '실주 딜', all: '전체 마감 딜' },
  dealState: { open: '진행 중', won: '수주', lost: '실주' },
  relationship: { friendly: '우호적', neutral: '중립', hostile: '비우호적' },
  severity: { error: '오류', warning: '경고' },
  empty: {
    noOpenDeals: '기준일 현재 진행 중인 딜이 없습니다.',
    noStalled: '정체 딜이 없습니다. 모든 진행 중 딜이 단계별 기준 기간 안에 있습니다.',
    noClosed: '분석 기간에 마감된 딜이 없습니다.',
    noLossReasons: '분석 기간에 실주한 딜이 없습니다.',
    noWinReasons: '분석 기간에 수주한 딜이 없습니다.',
    noCompetitors: '경쟁사가 기록된 마감 딜이 없습니다.',
    noTargets: 'targets.csv에 이번 달·분기나 다음 달·분기의 전사 목표가 없습니다. 커버리지를 보려면 목표를 추가하세요.',
    noRemoved: '기준일까지 CRM에서 삭제된 딜이 없습니다.',
    noIssues: '데이터 품질 문제가 없습니다. 모든 행을 반영했습니다.',
    noFlagged: (p) =>
      p.signs.length === 0
        ? '이 데이터로는 확인할 수 있는 위험 신호가 없어(필요한 항목은 위 안내 참고) 여기에 표시할 딜이 없습니다.'
        : `그 밖에 위험 신호(${p.signs.join(', ')})가 있는 진행 중 딜이 없습니다.`,
    accountNoWon: '이 고객사에서 아직 수주한 딜이 없어 도래할 재구매 시점이 없습니다.',
    accountNoLifecycle:
      '이 고객사의 수주 딜에는 제품 교체 주기가 없어 재구매 시점을 예측할 수 없습니다. pipeline.config.json에 products.<제품>.lifecycle_months를 설정하거나 deals.csv에 lifecycle_months 열을 추가하세요.',
    noAccounts:
      '표시할 고객사가 없습니다. 기준일까지 생성된 딜이 없고 accounts.csv에도 고객사가 없습니다. 기준일(--as-of)이 첫 딜의 생성일보다 앞서면 이 표는 비어 있습니다.',
    noOwners:
      '표시할 담당자가 없습니다. 기준일까지 생성된 딜이 없고 이번 기간 목표가 있는 담당자도 없습니다. 기준일(--as-of)이 첫 딜의 생성일보다 앞서면 이 표는 비어 있습니다.',
    noTeams:
      '표시할 팀이 없습니다. 기준일까지 생성된 딜이 없고 이번 기간 목표가 있는 팀도 없습니다. 기준일(--as-of)이 첫 딜의 생성일보다 앞서면 이 표는 비어 있습니다.',
    noRepurchaseDue: '다가오는 재구매가 없습니다. 일정에 있는 모든 고객에게 같은 제품의 더 최근 딜이 이미 있습니다(‘후속 딜 있음’ 표 참조).',
    noRepurchaseCovered: '일정에 있는 고객 중 마지막 구매 이후 같은 제품의 딜이 새로 생긴 고객은 아직 없습니다.',
  },
  stageGroup: {
    parked: '보류(단계 밖)',
    parkedTag: '단계 밖',
  },
  stallBasis: {
    configured: 'pipeline.config.json의 stall_days 설정값',
    p90: (p, f) => `분석 기간에 끝난 단계 체류 ${f.count(p.count)}건의 90백분위수`,
    default: (p, f) => `기본값 ${f.count(p.days)}일: 분석 기간에 끝난 단계 체류가 ${f.count(p.count)}건뿐입니다(산출하려면 ${f.count(p.visits)}건 필요)`,
    never: '보류 단계: 정체로 보지 않습니다(기준을 두려면 stall_days에 지정하세요)',
  },
  absence: {
    closeDatesUntracked:
      '마감일 변경 이력이 없어 마감일 연기를 추적하지 않습니다. 마감일 연기와 반복 연기 딜을 보려면 expected_close_at 변경 내역이 담긴 field_history.csv를 추가하거나 CRM의 마감일 변경 이력을 내보내세요.',
    closeDatesUntrackedInFile:
      '마감일 변경 이력이 없어 마감일 연기를 추적하지 않습니다. field_history.csv에 expected_close_at 변경 내역이 없습니다. 마감일 연기와 반복 연기 딜을 보려면 그 내역을 추가하거나 CRM의 마감일 변경 이력을 내보내세요.',
    noExpectedClose: (p, f) =>
      `진행 중 딜 ${f.count(p.count)}건${p.count === 1 ? '에' : ' 모두'} 예상 마감일이 없어 파이프라인이 언제 마감될지 예측할 수 없습니다. CRM에서 딜마다 예상 마감일을 입력하고 deals.csv의 expected_close_at 열로 내보내세요.`,
    periodBeforeData: (p, f) =>
      `이 데이터는 ${f.date(p.first)}부터 시작해 ${p.periods.map((x) => f.period(x)).join(', ')}의 시작보다 늦습니다. 그 전에 수주한 딜은 데이터에 없어 수주, 목표 달성률, 커버리지가 낮게 나옵니다. ${f.date(p.since)} 이후 종료된 딜까지 내보내거나, 이 수치를 일부로만 읽으세요.`,
    coverageNeedsCloseDates: '커버리지는 진행 중 딜을 예상 마감일로 기간에 배정하므로, 예상 마감일이 없으면 목표에 대응하는 파이프라인을 찾지 못합니다.',
    renamedFile: (p) =>
      p.count === 1
        ? `${josa(p.files, '은/는')} ${p.canonical}의 열을 가졌지만 이름이 달라 읽지 않았습니다. 이를 보려면 이름을 ${josa(p.canonical, '으로/로')} 바꾸고 다시 빌드하세요.`
        : `${p.files} 모두 ${p.canonical}의 열을 가졌지만 이름이 달라 읽지 않았습니다. 이를 보려면 하나만 남겨 이름을 ${josa(p.canonical, '으로/로')} 바꾸고 다시 빌드하세요.`,
    closeFieldNotRead: (p) => `마감일 변경 이력을 추적하지 않습니다. ${p.file} ${p.line}행: ${p.message}. 고친 뒤 다시 빌드하면 볼 수 있습니다.`,
    amountFieldNotRead: (p) => `금액 변경 이력을 추적하지 않습니다. ${p.file} ${p.line}행: ${p.message}. 고친 뒤 다시 빌드하면 볼 수 있습니다.`,
    noTargets: '커버리지와 예상 달성률을 보려면 목표가 필요합니다. 월 또는 분기별 전사 목표(담당자·팀 열은 비움)를 담은 targets.csv를 추가하세요.',
    noForecastCategories:
      '커밋과 베스트 케이스를 보려면 딜마다 예측 범주가 있어야 합니다. Salesforce의 예측 범주(ForecastCategoryName)나 HubSpot의 Forecast category를 딜과 함께 내보내거나, deals.csv에 forecast_category 열(commit, best_case, pipeline, omitted)을 추가하세요. 그 전까지 예상 달성률에는 수주 실적만 표시합니다.',
    trendsNeedHistory: (p) =>
      `추이를 표시할 수 없습니다. 이 내보내기 파일에는 딜별 현재 단계만 있어 지난 월말 시점의 파이프라인을 재구성할 수 없습니다. 추이를 보려면 ${p.advice}.`,
    lossReasonsUnrecorded: (p, f) =>
      `분석 기간에 실주한 딜 ${f.count(p.count)}건${p.count === 1 ? '에' : ' 모두'} 실주 사유가 기록되지 않았습니다. 영업 담당자가 실주 처리할 때 실주 사유를 입력하도록 하거나, CRM의 실주 사유 필드를 deals.csv의 lost_reason 열에 연결하세요.`,
    reasonSpellings: (p, f) =>
      `같은 사유가 여러 가지로 적혀 있어 아래 차트와 표에서 표기마다 다른 사유로 셉니다: ${p.groups.map((g) => g.map((s) => `‘${s}’`).join(', ')).join('; ')}${
        p.more > 0 ? ` 외 ${f.count(p.more)}개` : ''
      }. CRM에서 사유를 선택 목록으로 만들거나 한 가지 표기로 통일하세요.`,
    winReasonsUnrecorded: (p, f) =>
      `분석 기간에 수주한 딜 ${f.count(p.count)}건${p.count === 1 ? '에' : ' 모두'} 수주 사유가 기록되지 않았습니다. 영업 담당자가 수주 처리할 때 수주 사유를 입력하도록 하거나, CRM의 수주 사유 필드를 deals.csv의 win_reason 열에 연결하세요.`,
    competitorsUnrecorded: (p, f) =>
      `분석 기간에 마감된 딜 ${f.count(p.count)}건${p.count === 1 ? '에' : ' 모두'} 경쟁사가 기록되지 않았습니다. 영업 담당자가 딜을 마감할 때 만난 경쟁사를 입력하도록 하거나, CRM의 경쟁사 필드를 deals.csv의 competitor 열에 연결하세요.`,
    noLifecycle:
      '제품 교체 주기가 설정된 수주 딜이 없어 재구매 시점을 예측할 수 없습니다. pipeline.config.json에 products.<제품명>.lifecycle_months를 설정하거나 deals.csv에 lifecycle_months 열을 추가하세요.',
    lifecycleNoProductColumn: (p, f) =>
      `수주한 딜에 제품 교체 주기를 맞출 수 없어 재구매 시점을 예측할 수 없습니다. pipeline.config.json은 제품 ${f.count(p.count)}개의 lifecycle_months를 설정하지만, deals.csv에 딜을 제품과 맞출 product 열이 없습니다. 딜마다 제품을 deals.csv의 product 열로 내보내세요.`,
    lifecycleProductsUnmatched: (p) =>
      `수주한 딜의 제품 가운데 pipeline.config.json에 교체 주기가 설정된 제품이 없어 재구매 시점을 예측할 수 없습니다. 설정의 lifecycle_months는 ${p.products
        .slice(0, 5)
        .map((name) => `‘${name}’`)
        .join(', ')}${p.products.length > 5 ? ', …' : ''}에 있습니다. 설정의 제품 이름을 deals.csv의 product 열과 같게 쓰세요.`,
    noWonDeals: '아직 수주한 딜이 없어 재구매 시점이 도래할 고객이 없습니다.',
    noAccountsFile:
      'accounts.csv가 없어 고객사 페이지에는 deals.csv에 있는 내용만 표시합니다. 고객사별 계획을 세우려면 accounts.csv(account_id와 industry, segment, region, keyman, relationship, budget_cycle_month, installed_competitor, notes 중 필요한 열)를 추가하세요.',
    conversionPending: (p, f) =>
      `${p.stages} 단계의 전환율은 ‘—’로 표시합니다. 이 단계에 도달한 딜이 아직 다음 단계로 넘어가거나 이 단계에서 실주되지 않아(진행 중 ${f.count(p.open)}건) 전환율을 셀 대상이 없습니다. 딜이 다음 단계로 넘어가거나 실주되면 표시됩니다.`,
    velocityNoWon: (p, f) =>
      `영업 속도를 표시하지 않습니다. 분석 기간(${f.date(p.from)} ~ ${f.date(p.to)})에 수주한 딜이 없어 평균 수주 금액과 수주 사이클을 계산할 수 없습니다. 딜을 수주하면 표시됩니다.`,
    velocityZeroCycle:
      '영업 속도를 표시하지 않습니다. 분석 기간에 수주한 딜이 모두 생성 당일 마감되어 평균 수주 사이클이 0일이므로 영업 속도(÷ 사이클)를 계산할 수 없습니다. 수주 딜의 created_at을 확인하세요.',
    filterMatchesNone: '이 필터에 맞는 딜이 없어 여기에 집계할 것이 없습니다. 다른 담당자·팀·제품·유입 경로·고객 세그먼트·업종·지역·기간을 고르거나 모든 딜을 보세요.',
    closeDatesUnchangedFiltered: (p, f) =>
      `이 필터의 딜 ${f.count(p.count)}건은 field_history.csv에서 예상 마감일이 바뀐 적이 없어 보여 줄 마감일 연기가 없습니다.`,
    keymanNoColumn: (p) =>
      `${josa(`‘${p.flag}’`, '은/는')} 확인하지 않습니다. deals.csv에 keyman 열이 없습니다. 딜마다 확인된 핵심 의사결정자(아직 모르면 비움)를 담은 keyman 열을 추가하면 ${p.stage} 단계부터 키맨이 없는 딜을 표시합니다.`,
    budgetNoColumn: (p) =>
      `${josa(`‘${p.flag}’`, '은/는')} 확인하지 않습니다. deals.csv에 budget_confirmed 열이 없습니다. 고객 예산이 확정됐는지(yes 또는 no)를 담은 budget_confirmed 열을 추가하면 ${p.stage} 단계부터 예산이 확정되지 않은 딜을 표시합니다.`,
    qualificationOff: (p) =>
      `${josa(`‘${p.keyman}’`, '과/와')} ${josa(`‘${p.budget}’`, '은/는')} 확인하지 않습니다. pipeline.config.json에 qualification_required_from이 없습니다. 키맨과 확정된 예산이 있어야 하는 첫 단계(예: "propose")로 설정하세요.`,
    pastCloseUnchecked: (p) =>
      `${josa(`‘${p.flag}’`, '은/는')} 확인하지 않습니다. 예상 마감일이 있는 진행 중 딜이 없습니다. CRM에서 딜마다 예상 마감일을 입력하고 deals.csv의 expected_close_at 열로 내보내세요.`,
    stallDefault: (p, f) =>
      `${p.stages} 단계는 분석 기간에 끝난 체류가 ${f.count(p.visits)}건 미만이라 정체 기준으로 기본값 ${f.count(p.days)}일을 적용합니다.`,
    historyUnavailable: (p) => `표시할 수 없습니다. 이 내보내기 파일에는 딜별 현재 단계만 있고 단계 이력이 없습니다. 이 항목을 보려면 ${p.advice}.`,
    trendsUnavailable: (p, f) =>
      `${f.count(p.days)}일 전 대비 변화는 표시하지 않습니다. 이 내보내기 파일에는 딜별 현재 단계만 있어 이전 시점의 파이프라인을 재구성할 수 없습니다. 변화를 보려면 ${p.advice}.`,
    changesUnavailable: (p, f) =>
      `${f.dateLong(p.from)} 이후의 변화는 표시하지 않습니다. 이 내보내기 파일에는 딜별 현재 단계만 있어 그날의 파이프라인을 재구성할 수 없습니다. 변화를 보려면 ${p.advice}.`,
    waterfallBeforeData: (p, f) =>
      `데이터가 이 기간 중인 ${f.dateLong(p.first)}에 시작합니다. 기초 파이프라인이 비어 있는 것은 데이터가 시작되기 전이기 때문이며, 실제로 파이프라인이 없었다는 뜻이 아닙니다.`,
    waterfallAfterData: (p, f) =>
      `데이터가 이 기간이 지난 ${f.dateLong(p.first)}에 시작합니다. 파이프라인 변동이 비어 있는 것은 데이터가 시작되기 전이기 때문이며, 실제로 아무 변화가 없었다는 뜻이 아닙니다.`,
    stageMovesUnavailable: (p) =>
      `기간 초 진행 중 딜의 단계 이동은 표시할 수 없습니다. 이 내보내기 파일에는 딜별 현재 단계만 있습니다. 단계 이동을 보려면 ${p.advice}.`,
    snapshots:
      '단계 이력은 날짜별 내보내기 파일을 비교해 재구성했습니다. 단계 이동은 그 변화가 처음 나타난 내보내기의 날짜로 기록되므로, 단계 체류 기간의 정확도는 내보내기 간격에 따라 달라집니다.',
    trackingAdvice: {
      'salesforce-report': 'Opportunity History 보고서에 Amount와 Close Date 열을 추가하세요',
      'salesforce-api': 'Salesforce에서 영업 기회의 Amount와 Close Date 필드 이력 추적을 켜고 OpportunityFieldHistory.csv를 폴더에 추가하세요',
      series: '날짜별 내보내기마다 금액과 마감일 열을 빼지 말고 포함하세요',
      other: '같은 보기나 필터로 매일 또는 매주 내보낸 날짜별 파일을 폴더에 모아 두세요(docs/exports.md의 “A series of exports”). 두 내보내기 사이에 바뀐 금액과 마감일을 추적합니다',
    },
    closeDatesUntrackedExport: (p) => `마감일 변경 이력이 없어 마감일 연기를 추적하지 않습니다. 마감일 연기와 반복 연기 딜을 보려면 ${p.advice}.`,
    accuracyUntracked:
      '표시하지 않습니다. 월별 예측은 그달 초의 예상 마감일로 다시 계산하는데, 이 데이터에는 마감일 변경 이력이 없어 현재 마감일을 쓰게 되고, 그러면 예측이 실제보다 좋거나 나빠 보입니다. 보려면 expected_close_at 변경 내역이 담긴 field_history.csv를 추가하거나 CRM의 마감일 변경 이력을 내보내세요.',
    accuracyClosingFilter:
      '마감 시기 필터에서는 표시하지 않습니다. 월별 예측은 그달 초에 그달 마감 예정이던 딜인데, 마감일이 한 기간에 드는 딜만 남기면 그 예측 가운데 나중에 그 기간에 마감했거나 그 기간으로 밀린 딜만 남아 모든 달의 정확도가 실제보다 좋거나 나빠 보입니다. 보려면 모든 딜을 보거나 담당자·팀으로 필터하세요.',
    accuracyUntrackedExport: (p) =>
      `표시하지 않습니다. 월별 예측은 그달 초의 예상 마감일로 다시 계산하는데, 이 데이터에는 마감일 변경 이력이 없어 현재 마감일을 쓰게 되고, 그러면 예측이 실제보다 좋거나 나빠 보입니다. 보려면 ${p.advice}.`,
    historyAdvice: {
      'salesforce-report': 'Opportunity History 보고서를 데이터 폴더에 추가하세요',
      'salesforce-api': 'Opportunity 개체와 함께 OpportunityHistory 개체를 내보내 OpportunityHistory.csv를 데이터 폴더에 추가하세요',
      hubspot: 'HubSpot 내보내기에 “Date entered <단계>” 열을 포함하세요',
      pipedrive:
        '같은 필터로 매일 또는 매주 내보낸 날짜별 파일을 폴더에 모아 두세요(docs/exports.md의 “A series of exports”). Pipedrive 딜 내보내기에는 현재 단계만 있으며, 단계 이력은 내보내기 사이의 변화로 재구성합니다',
      other: '단계 변경과 그 일시가 모두 담긴 stage_history.csv를 추가하세요',
      rejected: '제외된 stage_history.csv 행을 고친 뒤 다시 빌드하세요(데이터 품질 페이지에 각 행과 고칠 방법이 있습니다)',
    },
  },
  small: {
    tileClosed: (p, f) => `마감된 딜이 ${f.count(p.count)}건뿐이라 신뢰하기에는 너무 적음`,
    tileWon: (p, f) => `수주한 딜이 ${f.count(p.count)}건뿐이라 신뢰하기에는 너무 적음`,
    velocity: (p, f) =>
      `영업 속도는 분석 기간에 마감된 딜 ${f.count(p.closed)}건 중 수주한 ${f.count(p.won)}건에 근거합니다. 평균 수주 금액과 수주 사이클을 신뢰하기에는 딜이 너무 적습니다.`,
    funnel: (p, f) => `분석 기간에 생성된 딜이 ${f.count(p.count)}건뿐이라 어느 단계에서 이탈하는지 결론 내리기에는 너무 적습니다.`,
    funnelRates: (p, f) => `* 도달한 딜이 ${f.count(p.min)}건 미만인 단계의 전환율·도달 대비 수주: 신뢰하기에는 표본이 너무 적습니다(도달한 딜: ${p.stages}).`,
    funnelRatesStage: (p, f) => `${p.stage} ${f.count(p.count)}건`,
    funnelStage: (p, f) => `${p.stage} 단계에 도달한 딜이 ${f.count(p.count)}건뿐이라 어느 단계에서 이탈하는지 결론 내리기에는 너무 적습니다.`,
    lossReasons: (p, f) => `실주 딜이 ${f.count(p.count)}건뿐이라 실주 원인을 결론 내리기에는 너무 적습니다.`,
    winReasons: (p, f) => `수주 딜이 ${f.count(p.count)}건뿐이라 수주 요인을 결론 내리기에는 너무 적습니다.`,
    lostAtStage: (p, f) => `실주 딜이 ${f.count(p.count)}건뿐이라 어느 단계에서 실주하는지 결론 내리기에는 너무 적습니다.`,
    competitors: (p, f) => `경쟁사가 기록된 마감 딜이 ${f.count(p.count)}건뿐이라 결론 내리기에는 너무 적습니다.`,
    cycleLength: (p, f) => `마감된 딜이 ${f.count(p.count)}건뿐이라 영업 사이클의 길이를 결론 내리기에는 너무 적습니다.`,
    accuracy: (p, f) => `최근 ${f.count(p.months)}개월 동안 마감이 예측된 딜이 ${f.count(p.count)}건뿐이라 예측 정확도를 판단하기에는 너무 적습니다(표 참조).`,
    accuracyNoForecast: (p, f) =>
      `최근 ${f.count(p.months)}개월 동안 마감이 예측된 딜(월초에 진행 중이고 예상 마감일이 그달인 딜)이 없어, 그동안 수주한 ${f.count(p.won)}건과 비교할 예측이 없습니다.`,
    timeInStage: (p, f) => `분석 기간에 끝난 ${p.stage} 단계 체류가 ${f.count(p.count)}건뿐이라 어느 단계에 오래 머무는지 결론 내리기에는 너무 적습니다.`,
  },
  source: {
    readFrom: (p) => `${p.name}에서 읽었습니다.`,
    formats: {
      canonical: 'Pipescope 표준 열 형식의 CSV 파일(docs/input.md)',
      'salesforce-report': 'Salesforce 보고서',
      'salesforce-api': 'Salesforce 데이터 내보내기',
      hubspot: 'HubSpot 딜 내보내기',
      pipedrive: 'Pipedrive 딜 내보내기',
    },
    fullHistory: '딜별 단계 이력이 모두 들어 있습니다.',
    currentVisitOnly: (p) =>
      `이 내보내기 파일에는 딜별 현재 단계만 있고 단계 이력이 없어 전환율, 단계별 체류 기간, 실주 발생 단계, 단계 이동, 이전 시점과의 비교를 계산할 수 없습니다. 이를 보려면 ${p.advice}.`,
    otherLimitation: (p) => `이 내보내기 파일의 제약 사항: ${p.code}`,
    noRecordIds:
      '보고서에 Opportunity ID 열이 없어 딜을 이름과 생성일로 구별합니다. 같은 날 만든 같은 이름의 딜은 하나로 읽히고, 딜 이름은 Salesforce 페이지로 연결되지 않습니다(pipeline.config.json deal_url). 보고서에 Opportunity ID 열을 추가하세요.',
    issuesListed: (p, f) =>
      `문제가 ${f.count(p.total)}건으로 너무 많아 모두 싣지 않았습니다. 문제 목록 표와 그 CSV에는 종류마다 처음 ${f.count(p.perKind)}건(모두 ${f.count(p.listed)}건)만 있고, 종류별 문제 표는 종류마다 전체 건수를 보여 줍니다. 전체 목록은 metrics.json에 있습니다.`,
    removedExplained:
      '삭제된 딜은 CRM에서 삭제되었거나 이후 내보내기 파일에서 빠진 딜입니다. 수주나 실주 없이 파이프라인에서 빠지며, 파이프라인 변동에서는 ‘삭제’로 집계합니다.',
  },
  csv: {
    stageId: '단계 ID',
    codeOf: (p) => `${p.column}(코드)`,
    stageIdThen: '이전 단계 ID',
    stageIdNow: '현재 단계 ID',
  },
  stalledReview: {
    why: '정체 사유',
    overThreshold: (p) => `${p.stage} 단계 정체 기준 초과: ${p.days}(기준 ${p.threshold})`,
    riskCount: (p, f) => `⚠\uFE0E\u00a0위험 신호 ${f.count(p.count)}개`,
    totals: '합계',
    byStage: '단계별',
    byOwner: '담당자별',
    byFlag: '위험 신호별',
    flag: '위험 신호',
    noFlag: '다른 위험 신호 없음',
    nextStep: '다음 조치',
    steps: {
      past_expected_close: '고객과 새 마감 예정일을 합의하거나 실주로 종료',
      pushed: '고객의 의사결정에서 무엇이 바뀌었는지 묻고 딜을 다시 검증',
      no_keyman: '의사결정권자(키맨)를 찾아 만나기',
      budget_unconfirmed: '고객의 예산과 승인 시기 확인',
      none: '고객과 날짜가 정해진 다음 단계 합의',
    },
    all: '정체 딜 전체',
    flagNote: '위험 신호가 여러 개인 딜은 신호마다 한 번씩 세므로, 위험 신호별 합계는 정체 딜 전체보다 많을 수 있습니다.',
    summary: (p, f) => `정체 딜 ${f.count(p.count)}건, 금액 ${f.moneyCompact(p.amount)}.`,
    inForecast: (p, f) =>
      `이 중 ${f.count(p.count)}건(${f.moneyCompact(p.amount)})이 수주 예측에 커밋 또는 베스트 케이스로 잡혀 있습니다${p.commit > 0 ? `(커밋 ${f.count(p.commit)}건)` : ''}. 먼저 점검하세요. 아래 목록은 이 딜${p.count === 1 ? '' : '들'}부터${p.commit > 0 && p.commit < p.count ? '(커밋, 베스트 케이스 순)' : ''} 보여 줍니다.`,
  },
  ownersReview: {
    weighted: '가중 파이프라인',
    wonInPeriod: '기간 내 수주 금액',
    bestCase: '베스트 케이스',
    attainment: '목표 달성률',
    period: (p, f) => `목표, 수주 금액, 달성률은 ${f.period(p.period)} 기준이며, 진행 중 금액이 큰 순서로 정렬했습니다.`,
    noTargetsFile:
      'targets.csv가 없어 담당자·팀별 목표와 달성률이 없습니다. 기간별로 담당자마다(owner 열을 채움) 또는 팀마다(team 열을 채우고 owner는 비움) 한 행씩 담은 targets.csv를 추가하세요.',
    noOwnerTargets: (p, f) =>
      `targets.csv에 ${f.period(p.period)} 담당자별 목표가 없습니다. 담당자별 달성률을 보려면 owner 열을 채운 행을 추가하세요.`,
    noTeamTargets: (p, f) =>
      `targets.csv에 ${f.period(p.period)} 팀별 목표가 없습니다. 팀별 달성률을 보려면 team 열을 채운 행(owner는 비움)을 추가하세요.`,
    periodWon: (p, f) => `기간 내 수주 금액은 ${f.period(p.period)} 기준이며, 진행 중 금액이 큰 순서로 정렬했습니다.`,
    filterNoTargets:
      '목표는 targets.csv에 담당자·팀과 기간별로 정하며 제품·유입 경로·고객 세그먼트·업종·지역·생성 시기·마감 시기별로는 정하지 않으므로, 이 필터에서는 보여 줄 목표와 달성률이 없어 두 열이 비어 있습니다. 목표와 비교하려면 모든 딜을 보거나 담당자·팀으로 필터하세요.',
    ownerFilterTeams: '팀 행에는 이 담당자의 딜만 들어 있으므로 팀 목표와 비교하지 않습니다.',
    noTargetOfOwner: (p, f) =>
      `targets.csv에 이 담당자의 ${f.period(p.period)} 목표가 없습니다. 담당자의 달성률을 보려면 owner 열을 채운 행을 추가하세요.`,
    noTargetOfTeam: (p, f) =>
      `targets.csv에 이 팀의 ${f.period(p.period)} 목표가 없습니다. 팀의 달성률을 보려면 team 열을 채운 행(owner는 비움)을 추가하세요.`,
    noTargetsOfMembers: (p, f) =>
      `targets.csv에 이 팀 담당자들의 ${f.period(p.period)} 목표가 없습니다. 담당자별 달성률을 보려면 owner 열을 채운 행을 추가하세요.`,
    windowColumns: (p, f) => `수주율(수주 / 마감 딜 수)과 영업 사이클 중앙값은 분석 기간(${f.date(p.from)} ~ ${f.date(p.to)})에 마감된 딜 기준입니다.`,
    back: '전체 담당자·팀',
    vsTeam: (p) => `${p.team} ${p.value}`,
    vsAll: (p) => `전체 ${p.value}`,
    flagsOpen: '진행 중 딜의 위험 신호',
    flagCount: (p, f) => `${p.flag}\u00a0${f.count(p.count)}건`,
    noFlags: '없음',
    noFlagsChecked: '확인한 신호 중에는 없음(확인하지 않은 신호는 위 안내 참고)',
    views: '이 담당자의 딜만으로 본 페이지:',
    closingView: (p, f) => `${f.period(p.period)} 마감 딜`,
    summary: '요약',
    openDeals: '진행 중 딜',
    noOpenDeals: '이 날짜에 진행 중인 딜이 없습니다.',
    intro: (p, f) => `진행 중 딜 ${f.count(p.count)}건, 금액 ${f.moneyCompact(p.amount)}. 금액이 큰 순서로 정렬했습니다.`,
  },
  rough: {
    note: (p, f) => `* 값이 ${f.count(p.min)}개 미만인 중앙값·백분위수: 신뢰하기에는 표본이 너무 적습니다.`,
  },
  changes: {
    title: '변경 사항',
    intro: '두 날짜 사이에 새로 생성되거나, 마감되거나, 단계가 바뀌거나, 예상 마감일이 미뤄지거나, 새로 정체된 딜과 두 시점의 주요 지표입니다.',
    // The date's own closing dot ends the sentence.
    period: (p, f) => `대상 기간: ${f.date(p.from)} ~ ${f.date(p.to)}`,
    basis: {
      snapshot: '비교 날짜는 직전 날짜별 스냅숏입니다.',
      compare_to: '비교 날짜는 이 빌드에서 지정했습니다(--compare-to).',
      period: (p, f) => `이전 스냅숏이 없어 파이프라인 변동 기간인 ${f.count(p.days)}일 전과 비교합니다.`,
    },
    replayed:
      '두 날짜 모두 현재 데이터를 각 날짜 시점으로 되돌려 계산하므로, 건수는 같은 기간의 파이프라인 변동과 같습니다. 금액은 파이프라인 변동 페이지와 같이 나중 날짜의 딜 금액입니다.',
    bridge: (p, f) =>
      // '기준' after each date: '2026. 6. 30. 198건' ran the date's last dot into the count.
      `진행 중 파이프라인: ${f.date(p.from)} 기준 ${f.count(p.start)}건, ${f.date(p.to)} 기준 ${f.count(p.end)}건(${f.moneyCompact(p.endAmount)}).`,
    keyFigures: '주요 지표: 이전과 현재',
    vsDate: (p, f) => `변화는 ${f.date(p.date)} 대비입니다.`,
    windowEach: (p, f) => `수주율, 영업 사이클 중앙값, 영업 속도는 날짜마다 그날까지 ${f.count(p.days)}일 동안 마감된 딜 기준입니다.`,
    byKind: '변경 유형별 요약',
    kind: '변경',
    deals: '딜 수',
    amount: '금액',
    none: '해당 딜이 없습니다.',
    kinds: {
      new: '신규 딜',
      won: '수주',
      lost: '실주',
      removed: 'CRM에서 삭제',
      reopened: '재개',
      advanced: '단계 진전',
      moved_back: '단계 후퇴',
      slipped: '예상 마감일 연기',
      amount_up: '금액 증가',
      amount_down: '금액 감소',
      newly_stalled: '신규 정체',
      unstalled: '정체 해소',
    },
    explain: {
      new: '기간 중 생성된 딜.',
      won: '기간 시작에 진행 중이었거나 신규인 딜 중 기간 말까지 수주한 딜.',
      lost: '기간 시작에 진행 중이었거나 신규인 딜 중 기간 말까지 실주한 딜.',
      removed: '기간 시작에 진행 중이었거나 신규인 딜 중 기간 말까지 CRM에서 삭제된 딜.',
      reopened: '기간 전에 생성되어 기간 시작에는 진행 중이 아니었다가 기간 말에 진행 중인 딜.',
      advanced: '두 날짜 모두 진행 중이며 기간 말에 퍼널의 더 뒤 단계에 있는 딜.',
      moved_back: '두 날짜 모두 진행 중이며 기간 말에 퍼널의 더 앞 단계에 있는 딜.',
      slipped: '두 날짜 모두 진행 중이며 기간 말의 예상 마감일이 기간 시작 때보다 늦은 딜.',
      amount_up: '두 날짜 모두 진행 중이며 기간 말 금액이 더 큰 딜.',
      amount_down: '두 날짜 모두 진행 중이며 기간 말 금액이 더 작은 딜.',
      newly_stalled: '기간 말에 진행 중이고 정체 상태이며, 기간 시작에는 정체가 아니었던(또는 진행 중이 아니었던) 딜.',
      unstalled: '기간 시작에 정체였다가 기간 말에 진행 중이며 정체가 아닌 딜: 다른 단계로 옮겼거나 그 단계의 정체 기준이 높아졌습니다.',
    },
    stalledOutcome: (p, f) => {
      if (p.count === 0) return `${f.dateLong(p.date)}에 정체였던 딜은 없습니다.`;
      const parts = [
        [p.won, '수주'],
        [p.lost, '실주'],
        [p.removed, 'CRM에서 삭제'],
        [p.unstalled, '정체 해소'],
        [p.still, '여전히 정체'],
      ] as const;
      const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${what} ${f.count(n)}건`);
      return `${f.dateLong(p.date)}에 정체였던 딜 ${f.count(p.count)}건: ${said.join(', ')}.`;
    },
    order: { amount: '금액이 큰 순서입니다.', change: '금액 변동이 큰 순서입니다.' },
    stageFrom: '이전 단계',
    stageTo: '현재 단계',
    stageMove: '이전 → 현재 단계',
    amountFrom: '이전 금액',
    amountTo: '현재 금액',
    closeFrom: '이전 예상 마감일',
    closeTo: '현재 예상 마감일',
    notCreated: '생성 전',
    removed: '삭제됨',
    closeUntracked: '예상 마감일 변경 이력이 없습니다. 예상 마감일이 미뤄진 딜을 보려면 expected_close_at 변경 내역이 담긴 field_history.csv를 추가하세요.',
    amountUntracked: '금액 변경 이력이 없습니다. 금액이 늘거나 줄어든 딜을 보려면 amount 변경 내역이 담긴 field_history.csv를 추가하세요.',
    closeUntrackedInFile: '예상 마감일 변경 이력이 없습니다. field_history.csv에 expected_close_at 변경 내역이 없습니다. 예상 마감일이 미뤄진 딜을 보려면 그 내역을 추가하세요.',
    amountUntrackedInFile: '금액 변경 이력이 없습니다. field_history.csv에 amount 변경 내역이 없습니다. 금액이 늘거나 줄어든 딜을 보려면 그 내역을 추가하세요.',
    closeUntrackedExport: (p) => `예상 마감일 변경 이력이 없습니다. 예상 마감일이 미뤄진 딜을 보려면 ${p.advice}.`,
    amountUntrackedExport: (p) => `금액 변경 이력이 없습니다. 금액이 늘거나 줄어든 딜을 보려면 ${p.advice}.`,
    previousSnapshot: (p, f) => `${f.date(p.date)} 스냅숏`,
    allSnapshots: '날짜별 스냅숏 전체',
    more: (p, f) => `외 ${f.count(p.count)}건은 대시보드에서 확인하세요`,
  },
  digest: {
    title: (p, f) => `파이프라인 변경 사항: ${f.date(p.from)} ~ ${f.date(p.to)}`,
    dashboard: '대시보드',
    keyFigures: '주요 지표',
    figure: '지표',
    now: '현재',
    then: '이전',
    change: '변화',
  },
  summary: {
    title: (p, f) => `Pipescope 빌드: ${f.date(p.date)} 기준`,
    dataQuality: '데이터 품질',
    file: '파일',
    rows: '행',
    accepted: '반영',
    rejected: '제외',
    warnings: (p, f) => `경고 ${f.count(p.count)}건.`,
    passed: (p, f) =>
      p.rejected === 0 ? `통과: ${f.count(p.rows)}행을 모두 반영했습니다.` : `통과: ${f.count(p.rows)}행 중 ${f.count(p.rejected)}행 제외(데이터 품질 페이지 참고).`,
    failedStrict: (p, f) => `실패(--strict): ${f.count(p.rows)}행 중 ${f.count(p.rejected)}행이 제외되어 대시보드를 교체하지 않았습니다.`,
    failedShare: (p) => `실패(--max-rejected ${p.max}): ${p.rows}행 중 ${p.rejected}행 제외(${p.share})로 대시보드를 교체하지 않았습니다.`,
    failedStale: (p, f) =>
      p.newest === null || p.age === null
        ? `실패(--max-data-age ${p.max}): 기준일 이전에 기록된 변경이 데이터에 없어 대시보드를 교체하지 않았습니다.`
        : `실패(--max-data-age ${p.max}): 데이터에 기록된 가장 최근 변경이 기준일보다 ${f.count(p.age)}일 전(${f.date(p.newest)})이라 대시보드를 교체하지 않았습니다. 내보내기가 갱신되었는지 확인하세요.`,
    firstIssues: '처음 발견된 문제',
    snapshot: (p, f) => `${f.date(p.date)} 날짜별 스냅숏을 추가했습니다.`,
    stoppedTitle: 'Pipescope 빌드 중단',
    stopped: (p) => `실패: 빌드가 중단되어(종료 상태 ${p.code}) 대시보드를 교체하지 않았습니다. 빌드 메시지:`,
  },
  snapshots: {
    title: '날짜별 스냅숏',
    intro: '스냅숏마다 그 날짜 기준으로 빌드한 대시보드 전체이며, 이후 빌드에서도 바뀌지 않습니다.',
    empty: '아직 날짜별 스냅숏이 없습니다. --snapshot을 붙여 빌드하면 추가됩니다.',
    caption: '날짜별 스냅숏(최신순)',
    date: '날짜',
    openDeals: '진행 중 딜',
    currency: '통화',
    version: 'Pipescope 버전',
    latest: '최신',
    redacted: '익명화',
    footerLink: '날짜별 스냅숏',
    note: (p, f) => `${f.date(p.date)} 기준 날짜별 스냅숏입니다. 그 날짜 기준으로 빌드한 대시보드를 바꾸지 않고 보관한 것입니다.`,
    latestLink: '최신 대시보드 열기',
    allLink: '모든 스냅숏',
  },
  notFound: {
    title: '페이지를 찾을 수 없습니다',
    message: '이 주소에는 페이지가 없습니다. 링크가 잘못되었거나 페이지가 옮겨졌을 수 있습니다.',
    home: '대시보드 열기',
  },
};
