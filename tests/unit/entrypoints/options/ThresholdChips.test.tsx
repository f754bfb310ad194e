// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { thresholdProblem, ThresholdChips } from '../../../../entrypoints/options/ThresholdChips';

afterEach(cleanup);

describe('thresholdProblem', () => {
  it.each([
    ['80', null],
    [' 5 ', null],
    ['', 'A whole percent from 1 to 99.'],
    ['0', 'A whole percent from 1 to 99.'],
    ['100', 'A whole percent from 1 to 99.'],
    ['7.5', 'A whole percent from 1 to 99.'],
    ['abc', 'A whole percent from 1 to 99.'],
    ['90', '90% is already in the list.'],
  ])('says %j → %j next to 75, 90, 95', (text, problem) => {
    expect(thresholdProblem([75, 90, 95], text)).toBe(problem);
  });

  it('refuses a sixth level', () => {
    expect(thresholdProblem([10, 20, 30, 40, 50], '60')).toBe(
      'At most 5 warning levels: remove one first.',
    );
  });
});

describe('ThresholdChips', () => {
  it('adds in order, removes by name, and never removes the last one', () => {
    const onChange = vi.fn();
    const { rerender } = render(<ThresholdChips levels={[75, 95]} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Add a warning level (%)'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onChange).toHaveBeenLastCalledWith([75, 90, 95]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove 95%' }));
    expect(onChange).toHaveBeenLastCalledWith([75]);
    rerender(<ThresholdChips levels={[75]} onChange={onChange} />);
    expect((screen.getByRole('button', { name: 'Remove 75%' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says why beside the field and changes nothing for a bad level', () => {
    const onChange = vi.fn();
    render(<ThresholdChips levels={[75]} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Add a warning level (%)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toBe('A whole percent from 1 to 99.');
    expect(onChange).not.toHaveBeenCalled();
  });
});
