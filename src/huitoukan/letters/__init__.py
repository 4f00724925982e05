"""What goes back out: 退回修改 copies (`feedback`), 催报/督办 `notices`, the leaders' `report`."""
