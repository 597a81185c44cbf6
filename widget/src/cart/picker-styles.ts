import { css } from "lit";

/** The wallet picker: rows that follow the element's tokens (`--qfpay-color-*`, `--qfpay-radius`). */
export const pickerStyles = css`
  .picker {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    display: grid;
    gap: 8px;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 8px;
    font-size: 1rem;
    font-weight: 700;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .option input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .option .mark {
    width: 32px;
  }
  .option-text {
    display: grid;
  }
  .option-text small {
    color: var(--_muted);
  }
`;
