/** Config `deal_url`'s placeholder: where a deal's id goes in the address of its page in the CRM. */
export const DEAL_ID = '{deal_id}';
