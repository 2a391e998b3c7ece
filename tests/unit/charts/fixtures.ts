/**
 * Test input: the worked example of the metrics contract
 * (shared spec example/metrics-2025-06-30.json, 24 deals, default config),
 * copied verbatim so tests never read outside the repository.
 */
import type { Metrics } from '../../../src/lib/metrics/types.ts';
import type { ChartStage } from '../../../src/lib/views/chart-models.ts';
import { DEFAULT_STAGES } from '../../../src/lib/ingest/config.ts';

export const STAGES: ChartStage[] = DEFAULT_STAGES.map((s) => ({
  id: s.id,
  label: { ...s.label },
  buyer_step: 'buyer_step' in s ? { ...s.buyer_step } : null,
}));

export const exampleMetrics: Metrics = {
 "schema_version": 1,
 "as_of": "2025-06-30",
 "window_days": 365,
 "currency": "KRW",
 "generated_from": {
  "deals.csv": "cb5c121bc7ee13ab86c92d0837813656505e80baa015672e6b463aeee58422c6",
  "stage_history.csv": "ce5da8fa799067da2da2cd305f30d95392fd585a9178fa8a7681545973129fed"
 },
 "pipeline": {
  "stages": [
   {
    "stage": "prospect",
    "count": 0,
    "amount": 0.0,
    "weighted_amount": 0
   },
   {
    "stage": "qualify",
    "count": 3,
    "amount": 12000000.0,
    "weighted_amount": 3000000.0
   },
   {
    "stage": "propose",
    "count": 3,
    "amount": 8000000.0,
    "weighted_amount": 4000000.0
   },
   {
    "stage": "negotiate",
    "count": 3,
    "amount": 19000000.0,
    "weighted_amount": 14250000.0
   }
  ],
  "open_count": 9,
  "open_amount": 39000000.0,
  "weighted_amount": 21250000.0
 },
 "coverage": [],
 "conversion": {
  "cohort_size": 21,
  "stages": [
   {
    "stage": "prospect",
    "reached": 21,
    "advanced": 21,
    "won": 8,
    "conversion": 1.0,
    "win_rate": 0.38095238095238093
   },
   {
    "stage": "qualify",
    "reached": 21,
    "advanced": 17,
    "won": 8,
    "conversion": 0.8095238095238095,
    "win_rate": 0.38095238095238093
   },
   {
    "stage": "propose",
    "reached": 17,
    "advanced": 14,
    "won": 8,
    "conversion": 0.8235294117647058,
    "win_rate": 0.47058823529411764
   },
   {
    "stage": "negotiate",
    "reached": 14,
    "advanced": 8,
    "won": 8,
    "conversion": 0.5714285714285714,
    "win_rate": 0.5714285714285714
   }
  ]
 },
 "time_in_stage": [
  {
   "stage": "prospect",
   "visits": 22,
   "mean_days": 17.30113636363636,
   "median_days": 14.291666666666668,
   "p75_days": 18.75,
   "p90_days": 36.03750000000001
  },
  {
   "stage": "qualify",
   "visits": 17,
   "mean_days": 20.571078431372552,
   "median_days": 19.041666666666668,
   "p75_days": 25.166666666666668,
   "p90_days": 36.125
  },
  {
   "stage": "propose",
   "visits": 10,
   "mean_days": 20.5375,
   "median_days": 20.125,
   "p75_days": 31.9375,
   "p90_days": 34.34583333333333
  },
  {
   "stage": "negotiate",
   "visits": 10,
   "mean_days": 26.2,
   "median_days": 29.0,
   "p75_days": 33.25,
   "p90_days": 37.0
  }
 ],
 "cycle_length": {
  "won": {
   "count": 9,
   "mean_days": 76.14351851851852,
   "median_days": 81.41666666666667,
   "p90_days": 94.61666666666667
  },
  "lost": {
   "count": 4,
   "mean_days": 61.02083333333333,
   "median_days": 65.22916666666666,
   "p90_days": 79.7625
  },
  "all": {
   "count": 13,
   "mean_days": 71.49038461538461,
   "median_days": 73.08333333333333,
   "p90_days": 90.625
  }
 },
 "win_rate": {
  "won_count": 9,
  "lost_count": 4,
  "by_count": 0.6923076923076923,
  "won_amount": 44000000.0,
  "lost_amount": 21000000.0,
  "by_value": 0.676923076923077
 },
 "velocity": {
  "per_day": 400054.25352297124,
  "open_count": 9,
  "win_rate": 0.6923076923076923,
  "avg_won_amount": 4888888.888888889,
  "mean_won_cycle_days": 76.14351851851852
 },
 "loss_reasons": [
  {
   "reason": "price",
   "count": 3,
   "amount": 12000000.0
  },
  {
   "reason": "(unspecified)",
   "count": 1,
   "amount": 9000000.0
  }
 ],
 "win_reasons": [
  {
   "reason": "(unspecified)",
   "count": 9,
   "amount": 44000000.0
  }
 ],
 "lost_at_stage": [
  {
   "stage": "prospect",
   "count": 0,
   "amount": 0.0
  },
  {
   "stage": "qualify",
   "count": 1,
   "amount": 9000000.0
  },
  {
   "stage": "propose",
   "count": 0,
   "amount": 0.0
  },
  {
   "stage": "negotiate",
   "count": 3,
   "amount": 12000000.0
  }
 ],
 "competitors": [
  {
   "competitor": "Acme Rival",
   "won": 7,
   "lost": 1,
   "win_rate": 0.875
  }
 ],
 "stalled": [
  {
   "deal_id": "M002",
   "stage": "qualify",
   "days_in_stage": 319.25,
   "threshold_days": 30,
   "flags": [
    "past_expected_close"
   ]
  },
  {
   "deal_id": "M010",
   "stage": "propose",
   "days_in_stage": 207.375,
   "threshold_days": 30,
   "flags": [
    "past_expected_close"
   ]
  },
  {
   "deal_id": "M008",
   "stage": "negotiate",
   "days_in_stage": 192.75,
   "threshold_days": 30,
   "flags": []
  },
  {
   "deal_id": "M011",
   "stage": "propose",
   "days_in_stage": 164.04166666666666,
   "threshold_days": 30,
   "flags": [
    "past_expected_close"
   ]
  },
  {
   "deal_id": "M016",
   "stage": "negotiate",
   "days_in_stage": 92.125,
   "threshold_days": 30,
   "flags": []
  },
  {
   "deal_id": "M019",
   "stage": "negotiate",
   "days_in_stage": 32.958333333333336,
   "threshold_days": 30,
   "flags": [
    "past_expected_close"
   ]
  }
 ],
 "repurchase": [
  {
   "account_id": "ACME-3",
   "product": "EXAMPLE-PRODUCT",
   "deal_id": "M003",
   "base_date": "2024-10-16",
   "next_purchase_at": "2027-10-16",
   "status": "covered",
   "amount": 4000000.0
  },
  {
   "account_id": "ACME-5",
   "product": "EXAMPLE-PRODUCT",
   "deal_id": "M005",
   "base_date": "2024-11-21",
   "next_purchase_at": "2027-11-21",
   "status": "covered",
   "amount": 6000000.0
  },
  {
   "account_id": "ACME-0",
   "product": "EXAMPLE-PRODUCT",
   "deal_id": "M007",
   "base_date": "2024-11-25",
   "next_purchase_at": "2027-11-25",
   "status": "covered",
   "amount": 8000000.0
  },
  {
   "account_id": "ACME-2",
   "product": "EXAMPLE-PRODUCT",
   "deal_id": "M009",
   "base_date": "2025-02-12",
   "next_purchase_at": "2028-02-12",
   "status": "later",
   "amount": 1000000.0
  },
  {
   "account_id": "ACME-6",
   "product": "EXAMPLE-PRODUCT",
   "deal_id": "M013",
   "base_date": "2025-03-16",
   "next_purchase_at": "2028-03-16",
   "status": "later",
   "amount": 5000000.0
  },
  {
   "account_id": "ACME-1",
   "product": "EXAMPLE-PRODUCT",
   "deal_id": "M015",
   "base_date": "2025-05-09",
   "next_purchase_at": "2028-05-09",
   "status": "later",
   "amount": 7000000.0
  }
 ],
 "forecast": [
  {
   "bucket": "overdue",
   "count": 4,
   "amount": 10000000.0,
   "weighted_amount": 4750000.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "2025-06",
   "count": 0,
   "amount": 0.0,
   "weighted_amount": 0.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "2025-07",
   "count": 1,
   "amount": 4000000.0,
   "weighted_amount": 1000000.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "2025-08",
   "count": 1,
   "amount": 5000000.0,
   "weighted_amount": 1250000.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "2025-09",
   "count": 0,
   "amount": 0.0,
   "weighted_amount": 0.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "2025-10",
   "count": 0,
   "amount": 0.0,
   "weighted_amount": 0.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "2025-11",
   "count": 0,
   "amount": 0.0,
   "weighted_amount": 0.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "later",
   "count": 0,
   "amount": 0.0,
   "weighted_amount": 0.0,
   "commit_amount": null,
   "best_case_amount": null
  },
  {
   "bucket": "unscheduled",
   "count": 3,
   "amount": 20000000.0,
   "weighted_amount": 14250000.0,
   "commit_amount": null,
   "best_case_amount": null
  }
 ],
 "forecast_accuracy": [
  {
   "month": "2024-12",
   "forecast_count": 1,
   "forecast_amount": 1000000.0,
   "forecast_weighted": 250000.0,
   "won_count": 0,
   "won_amount": 0.0,
   "won_from_forecast": 0,
   "ratio": 0.0
  },
  {
   "month": "2025-01",
   "forecast_count": 1,
   "forecast_amount": 2000000.0,
   "forecast_weighted": 1000000.0,
   "won_count": 0,
   "won_amount": 0.0,
   "won_from_forecast": 0,
   "ratio": 0.0
  },
  {
   "month": "2025-02",
   "forecast_count": 1,
   "forecast_amount": 3000000.0,
   "forecast_weighted": 1500000.0,
   "won_count": 1,
   "won_amount": 1000000.0,
   "won_from_forecast": 0,
   "ratio": 0.6666666666666666
  },
  {
   "month": "2025-03",
   "forecast_count": 2,
   "forecast_amount": 11000000.0,
   "forecast_weighted": 5250000.0,
   "won_count": 2,
   "won_amount": 11000000.0,
   "won_from_forecast": 2,
   "ratio": 2.0952380952380953
  },
  {
   "month": "2025-04",
   "forecast_count": 1,
   "forecast_amount": 7000000.0,
   "forecast_weighted": 1750000.0,
   "won_count": 0,
   "won_amount": 0.0,
   "won_from_forecast": 0,
   "ratio": 0.0
  },
  {
   "month": "2025-05",
   "forecast_count": 1,
   "forecast_amount": 9000000.0,
   "forecast_weighted": 2250000.0,
   "won_count": 1,
   "won_amount": 7000000.0,
   "won_from_forecast": 0,
   "ratio": 3.111111111111111
  }
 ],
 "intake": [
  {
   "month": "2024-07",
   "count": 2,
   "amount": 7000000.0
  },
  {
   "month": "2024-08",
   "count": 2,
   "amount": 11000000.0
  },
  {
   "month": "2024-09",
   "count": 1,
   "amount": 7000000.0
  },
  {
   "month": "2024-10",
   "count": 2,
   "amount": 17000000.0
  },
  {
   "month": "2024-11",
   "count": 2,
   "amount": 3000000.0
  },
  {
   "month": "2024-12",
   "count": 2,
   "amount": 7000000.0
  },
  {
   "month": "2025-01",
   "count": 2,
   "amount": 11000000.0
  },
  {
   "month": "2025-02",
   "count": 1,
   "amount": 7000000.0
  },
  {
   "month": "2025-03",
   "count": 2,
   "amount": 17000000.0
  },
  {
   "month": "2025-04",
   "count": 2,
   "amount": 3000000.0
  },
  {
   "month": "2025-05",
   "count": 2,
   "amount": 7000000.0
  },
  {
   "month": "2025-06",
   "count": 1,
   "amount": 5000000.0
  }
 ],
 "waterfall": {
  "start": {
   "count": 8,
   "amount": 34000000.0
  },
  "new": {
   "count": 1,
   "amount": 5000000.0
  },
  "won": {
   "count": 0,
   "amount": 0.0
  },
  "lost": {
   "count": 0,
   "amount": 0.0
  },
  "removed": {
   "count": 0,
   "amount": 0.0
  },
  "reopened": {
   "count": 0,
   "amount": 0.0
  },
  "end": {
   "count": 9,
   "amount": 39000000.0
  },
  "advanced": {
   "count": 2,
   "amount": 7000000.0
  },
  "moved_back": {
   "count": 0,
   "amount": 0.0
  },
  "unchanged": {
   "count": 6,
   "amount": 27000000.0
  }
 },
 "slippage": null,
 "by_owner": [
  {
   "owner": "Kim",
   "open_count": 1,
   "open_amount": 4000000.0,
   "won_count": 3,
   "lost_count": 3,
   "win_rate": 0.5,
   "median_cycle_days": 81.83333333333334,
   "stalled_count": 0
  },
  {
   "owner": "Lee",
   "open_count": 4,
   "open_amount": 17000000.0,
   "won_count": 4,
   "lost_count": 0,
   "win_rate": 1.0,
   "median_cycle_days": 67.52083333333333,
   "stalled_count": 3
  },
  {
   "owner": "Park",
   "open_count": 4,
   "open_amount": 18000000.0,
   "won_count": 2,
   "lost_count": 1,
   "win_rate": 0.6666666666666666,
   "median_cycle_days": 57.375,
   "stalled_count": 3
  }
 ],
 "by_team": [
  {
   "team": "Alpha",
   "open_count": 6,
   "open_amount": 30000000.0,
   "won_count": 2,
   "lost_count": 3,
   "win_rate": 0.4,
   "median_cycle_days": 71.625,
   "stalled_count": 4
  },
  {
   "team": "Beta",
   "open_count": 3,
   "open_amount": 9000000.0,
   "won_count": 7,
   "lost_count": 1,
   "win_rate": 0.875,
   "median_cycle_days": 81.83333333333334,
   "stalled_count": 2
  }
 ],
 "data_quality": {
  "files": {
   "deals.csv": {
    "rows": 24,
    "accepted": 24,
    "rejected": 0
   },
   "stage_history.csv": {
    "rows": 87,
    "accepted": 87,
    "rejected": 0
   }
  },
  "issues": []
 }
};
