"""Model selection for the NER training length reads spaCy's training table, not the test set."""

from pipeline.training.select_steps import read_log, select

SELECTION = """\
E    #       LOSS TOK2VEC  LOSS NER  ENTS_F  ENTS_P  ENTS_R  SCORE
---  ------  ------------  --------  ------  ------  ------  ------
  0       0          0.00    127.50    8.30    4.54   48.12    0.08
  \x1b[1m1    1000        422.46   5279.51   79.34   84.59   74.71    0.79
  3    3000       1504.43   2104.18   81.14   85.37   77.31    0.81
  6    4000       1651.09   1657.31   80.62   84.76   76.87    0.81
"""
FINAL = """\
  0       0          0.00     87.60    1.69    1.12    3.51    0.02
  1    3000       1420.16   7042.26   94.75   95.51   94.01    0.95
  3    4000       2144.70   9298.97   98.01   98.09   97.93    0.98
  5    5000       3011.76   6061.09   99.32   99.33   99.32    0.99
"""


def test_best_dev_epoch_maps_to_the_final_runs_step(tmp_path):
    selection, final = tmp_path / "select.log", tmp_path / "final.log"
    selection.write_text(SELECTION)
    final.write_text(FINAL)
    result = select(read_log(selection), read_log(final))
    assert (result["best"]["step"], result["best"]["epoch"]) == (3000, 3)
    assert result["final_steps"] == 4000
    assert [r["step"] for r in result["curve"]] == [1000, 3000, 4000]  # step 0 is no candidate
